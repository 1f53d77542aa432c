using System.Globalization;
using BillingBot.Protocol.Dialogs;
using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.Tests.Dialogs;

/// <summary>A one-question bot: asks with the prompt and replies with what it recognized ("result: …"), or with "gave up after N".</summary>
internal static class PromptTestBot
{
    public static DialogHarness For(Dialog prompt, PromptOptions options, Func<object?, string>? describe = null)
    {
        describe ??= Describe;
        return new DialogHarness(
            new WaterfallDialog("ask", [
                (step, ct) => step.PromptAsync(prompt.Id, options, ct),
                async (step, ct) =>
                {
                    var text = step.Result is PromptAttemptsExhausted gaveUp ? $"gave up after {gaveUp.Attempts}" : "result: " + describe(step.Result);
                    await step.Context.SendActivityAsync(text, ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]),
            prompt);
    }

    public static BotCallbackHandler Run(this DialogHarness harness) => harness.Run("ask");

    private static string Describe(object? value) => value switch
    {
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };
}
