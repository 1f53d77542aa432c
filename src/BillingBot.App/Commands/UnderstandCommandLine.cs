using BillingBot.Understanding;
using BillingBot.Understanding.Command;

namespace BillingBot.App.Commands;

/// <summary>
/// `understand`: the recognizer alone, without the web host, its configuration or its console logging, so standard
/// output carries only the JSON lines that whoever tunes the model pipes on.
/// </summary>
public static class UnderstandCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var recognizer = new IntentRecognizer(new UnderstandingOptions(), TimeProvider.System);
        var command = new UnderstandCommand(recognizer, TimeProvider.System);
        return await command.RunAsync(args, Console.In, Console.Out, Console.Error, cancel.Token).ConfigureAwait(false);
    }
}
