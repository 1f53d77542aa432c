using System.Text.Encodings.Web;
using System.Text.Json;
using BillingBot.Billing.Understanding;

namespace BillingBot.Understanding.Command;

/// <summary>
/// `understand "text" [--locale pl|en]`: prints what the bot understands of a message as one JSON object; with no text,
/// one JSON object per line of standard input, in order, and nothing else on standard output.
/// </summary>
public sealed class UnderstandCommand(IIntentRecognizer recognizer, TimeProvider time)
{
    public const string Name = "understand";

    public const string Usage = """
        Usage: understand ["text"] [--locale pl|en]
          Prints the intent, its confidence and the entities of the text as one JSON object.
          Without text, reads one message per line from standard input and prints one JSON object per line.
          --locale pl|en   the message's language; detected from the text when absent.
        """;

    private static readonly JsonSerializerOptions Json = new()
    {
        TypeInfoResolver = UnderstandJsonContext.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // The output is read in a terminal or by a script, never embedded in HTML: keep Polish letters readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="args">The arguments after the command's name.</param>
    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var parsed = UnderstandArguments.Parse(args);
        if (parsed.WantsHelp)
        {
            await stdout.WriteLineAsync(Usage.AsMemory(), cancellationToken).ConfigureAwait(false);
            return 0;
        }

        if (parsed.Error is { } error)
        {
            await stderr.WriteLineAsync($"understand: {error}".AsMemory(), cancellationToken).ConfigureAwait(false);
            await stderr.WriteLineAsync(Usage.AsMemory(), cancellationToken).ConfigureAwait(false);
            return 2;
        }

        if (recognizer is IntentRecognizer trainable)
        {
            var summary = await trainable.WarmUpAsync(cancellationToken).ConfigureAwait(false);
            await stderr.WriteLineAsync(
                $"understand: models trained in {summary.Duration.TotalSeconds:0.00} s ({summary.PolishUtterances} pl, {summary.EnglishUtterances} en utterances)".AsMemory(),
                cancellationToken).ConfigureAwait(false);
        }

        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        if (parsed.Text is { } text)
        {
            await WriteAsync(text, parsed.Language, today, stdout, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        while (await stdin.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            await WriteAsync(line, parsed.Language, today, stdout, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private async Task WriteAsync(string text, string? language, DateOnly today, TextWriter stdout, CancellationToken cancellationToken)
    {
        var understanding = await recognizer.RecognizeAsync(text, language, today, cancellationToken).ConfigureAwait(false);
        var json = JsonSerializer.Serialize(UnderstandOutput.From(understanding), Json);
        await stdout.WriteLineAsync(json.AsMemory(), cancellationToken).ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
