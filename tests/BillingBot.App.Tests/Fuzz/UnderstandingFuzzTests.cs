using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BillingBot.App.Commands;
using BillingBot.App.Commands.Seed;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing.Understanding;
using BillingBot.Protocol.Schema;
using BillingBot.Recognizers;
using BillingBot.TestKit.Fuzz;
using BillingBot.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>
/// Whatever people type (Polish and English fragments, invoice numbers as typed, amounts, dates, emoji, control
/// characters, odd Unicode, very long texts) goes through the understanding pipeline without an exception, with
/// bounded answers (confidences in [0, 1], entities found in the text) and the same answer every time; and as chat
/// messages to the app, each one gets a 2xx and a reply.
/// </summary>
public sealed partial class UnderstandingFuzzTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly string?[] LanguageHints = [null, Languages.Polish, Languages.English];

    [Fact]
    public async Task Whatever_is_typed_is_understood_without_an_exception_within_bounds_and_the_same_way_twice()
    {
        var recognizer = BotHost.Recognizer;
        var options = new UnderstandingOptions();
        var detector = new LanguageDetector();
        var hint = 0;

        await FuzzCheck.RunAsync(
            nameof(UnderstandingFuzzTests) + "." + nameof(Whatever_is_typed_is_understood_without_an_exception_within_bounds_and_the_same_way_twice),
            seed: 51,
            count: 2_000,
            TextGen.Texts,
            async text =>
            {
                var language = LanguageHints[hint++ % LanguageHints.Length];
                var first = await recognizer.RecognizeAsync(text, language, Today, CancellationToken.None);
                var second = await recognizer.RecognizeAsync(text, language, Today, CancellationToken.None);
                return OutOfBounds(text, first, options)
                    ?? (Describe(first) != Describe(second) ? $"understood differently the second time:\n{Describe(first)}\n{Describe(second)}" : null)
                    ?? (detector.Detect(text) != detector.Detect(text) ? "the language detector changed its mind" : null)
                    ?? SpansOutsideTheText(text);
            },
            Show);
    }

    [Fact]
    public async Task Whatever_a_customer_types_in_chat_gets_a_2xx_and_a_reply()
    {
        await using var host = new BotHost(env.Azurite, services: QuietLogging.Apply);
        using var http = host.CreateHttpClient();
        using (var output = new StringWriter())
        {
            Assert.Equal(0, await ActivatorUtilities.CreateInstance<SeedCommand>(host.Services).RunAsync([], new CommandConsole(output, output), CancellationToken.None));
        }

        await FuzzCheck.RunAsync(
            nameof(UnderstandingFuzzTests) + "." + nameof(Whatever_a_customer_types_in_chat_gets_a_2xx_and_a_reply),
            seed: 52,
            count: 120,
            FsCheck.Fluent.Gen.Select(TextGen.Texts, Typeable),
            async text =>
            {
                // A chat of its own each time: no conversation's state or rate limit carries over.
                var conversation = Activities.NewConversationId();
                var mark = HostFailures.Mark(host);

                using var response = await host.PostActivityAsync(http, Activities.Message(env.Channel.ServiceUrl, conversation, text, text.Length % 2 == 0 ? "pl-PL" : "en-US"));

                var expectsReply = new Activity { Text = text }.GetTextWithoutBotMention().Length > 0;
                return (int)response.StatusCode is < 200 or >= 300 ? $"answered {(int)response.StatusCode}"
                    : HostFailures.Since(host, mark)
                    ?? (expectsReply && env.RequestsTo(conversation).All(r => r.Body is null) ? "no reply" : null);
            },
            Show);
    }

    /// <summary>What is out of bounds in an understanding, or null.</summary>
    private static string? OutOfBounds(string text, UtteranceUnderstanding u, UnderstandingOptions options)
    {
        if (u.Language is not (Languages.Polish or Languages.English))
        {
            return "language " + u.Language;
        }

        if (!(u.Confidence is >= 0 and <= 1) || u.TopIntents.Any(s => !(s.Score is >= 0 and <= 1)))
        {
            return "a confidence outside [0, 1]: " + Describe(u);
        }

        if (u.TopIntents.Count is < 1 || u.TopIntents.Count > options.TopIntentCount || u.TopIntents[0].Intent != u.Intent
            || u.TopIntents.Zip(u.TopIntents.Skip(1)).Any(p => p.First.Score < p.Second.Score) || u.IsConfident != (u.Confidence >= options.ConfidenceThreshold))
        {
            return "top intents out of order or out of step with the intent: " + Describe(u);
        }

        var invoices = InvoiceNumberRecognizer.Recognize(text);
        if (!u.Entities.InvoiceNumbers.SequenceEqual(invoices.Select(i => i.Number)) || u.Entities.InvoiceNumbers.Any(n => !CanonicalInvoiceNumber().IsMatch(n)))
        {
            return $"invoice numbers [{string.Join(", ", u.Entities.InvoiceNumbers)}] are not those in the text [{string.Join(", ", invoices.Select(i => i.Text))}]";
        }

        // The entities are read from the text with its invoice numbers blanked out, in the language understood.
        var rest = Masked(text, invoices);
        var culture = u.Language == Languages.Polish ? Polish : English;
        var amounts = AmountRecognizer.Recognize(rest, culture);
        var dates = DateRecognizer.Recognize(rest, culture, Today, DatePreference.Past).Concat(DateRecognizer.Recognize(rest, culture, Today, DatePreference.Future)).ToList();
        if (u.Entities.Amounts.Any(a => !amounts.Any(r => r.Value == a.Value && r.Currency == a.Currency)))
        {
            return $"amounts [{string.Join(", ", u.Entities.Amounts)}] not found in the text";
        }

        if (u.Entities.Dates.Any(d => !dates.Any(r => r.Date == d)) || u.Entities.Months.Any(m => !dates.Any(r => BillingMonth.Of(r.Date) == m)))
        {
            return $"dates [{string.Join(", ", u.Entities.Dates)}] or months [{string.Join(", ", u.Entities.Months)}] not found in the text";
        }

        return null;
    }

    /// <summary>Whether each recognizer's spans, in both languages, are the text at their positions.</summary>
    private static string? SpansOutsideTheText(string text)
    {
        foreach (var culture in new[] { Polish, English })
        {
            var spans = NumberRecognizer.Recognize(text, culture).Select(n => (n.Index, n.Length, n.Text))
                .Concat(AmountRecognizer.Recognize(text, culture).Select(a => (a.Index, a.Length, a.Text)))
                .Concat(DateRecognizer.Recognize(text, culture, Today).Select(d => (d.Index, d.Length, d.Text)))
                .Concat(InvoiceNumberRecognizer.Recognize(text).Select(i => (i.Index, i.Length, i.Text)));
            _ = BooleanRecognizer.Recognize(text, culture);
            _ = ChoiceRecognizer.Recognize(text, ["Faktury", "Płatności", "Pomoc techniczna"], culture);
            if (spans.FirstOrDefault(s => s.Index < 0 || s.Length <= 0 || s.Index + s.Length > text.Length || text.Substring(s.Index, s.Length) != s.Text) is { Text: not null } outside)
            {
                return $"a span ({outside.Index}, {outside.Length}, '{outside.Text}') is not the text at its position";
            }
        }

        return null;
    }

    private static string Masked(string text, IReadOnlyList<RecognizedInvoiceNumber> invoices)
    {
        var chars = text.ToCharArray();
        foreach (var invoice in invoices)
        {
            Array.Fill(chars, ' ', invoice.Index, invoice.Length);
        }

        return new string(chars);
    }

    private static string Describe(UtteranceUnderstanding u) => string.Create(
        CultureInfo.InvariantCulture,
        $"{u.Language} {u.Intent} {u.Confidence:R} {u.IsConfident} [{string.Join(", ", u.TopIntents.Select(s => $"{s.Intent} {s.Score:R}"))}] invoices [{string.Join(", ", u.Entities.InvoiceNumbers)}] months [{string.Join(", ", u.Entities.Months)}] amounts [{string.Join(", ", u.Entities.Amounts)}] dates [{string.Join(", ", u.Entities.Dates)}]");

    /// <summary>Text as a Teams client can send it: valid UTF-16 (a lone surrogate becomes U+FFFD on the way).</summary>
    private static string Typeable(string text) => new UTF8Encoding(false).GetString(new UTF8Encoding(false).GetBytes(text));

    /// <summary>The text escaped so that control characters and marks can be read in a failure.</summary>
    private static string Show(string text) =>
        $"({text.Length} characters) \"" + string.Concat(text.Take(600).Select(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u202E' or '\uFEFF'
            ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}")
            : c.ToString())) + "\"";

    [GeneratedRegex(@"^FV/\d{4}/\d{2}/\d{3,}$")]
    private static partial Regex CanonicalInvoiceNumber();
}
