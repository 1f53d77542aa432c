using System.Globalization;
using BillingBot.Protocol.Dialogs;
using BillingBot.TestKit.Dialogs;
using static BillingBot.Protocol.Tests.Dialogs.DialogHarness;

namespace BillingBot.Protocol.Tests.Dialogs;

public class ComponentDialogTests
{
    private sealed record Promise(decimal Amount, bool Confirmed);

    /// <summary>A promise to pay: the amount, then a confirmation; ends with a <see cref="Promise"/>.</summary>
    private static ComponentDialog PromiseDialog(string help, string cancelled, string amountQuestion, string confirmQuestion)
    {
        var dialog = new InterruptibleDialog("promise", help, cancelled);
        dialog.AddDialog(new WaterfallDialog("promise-steps", [
            (step, ct) => step.PromptAsync("amount", new PromptOptions { Prompt = Message(amountQuestion) }, ct),
            async (step, ct) =>
            {
                step.Values["amount"] = step.Result;
                return await step.PromptAsync("confirm", new PromptOptions { Prompt = Message(confirmQuestion) }, ct);
            },
            (step, ct) => step.EndDialogAsync(new Promise(step.Values.Get<decimal>("amount"), (bool)step.Result!), ct),
        ]));
        dialog.AddDialog(new NumberPrompt<decimal>("amount"));
        dialog.AddDialog(new ConfirmPrompt("confirm"));
        return dialog;
    }

    private static DialogHarness Harness(string help, string cancelled, string amountQuestion, string confirmQuestion) => new(
        new WaterfallDialog("main", [
            (step, ct) => step.BeginDialogAsync("promise", null, ct),
            async (step, ct) =>
            {
                var text = step.Result is Promise promise
                    ? string.Create(CultureInfo.InvariantCulture, $"promise: {promise.Amount}, confirmed: {promise.Confirmed}")
                    : "no promise";
                await step.Context.SendActivityAsync(text, ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]),
        PromiseDialog(help, cancelled, amountQuestion, confirmQuestion));

    [Fact]
    public async Task Given_a_component_inside_a_waterfall_When_its_inner_dialogs_finish_Then_the_waterfall_gets_its_result()
    {
        var harness = Harness("Pomoc", "Anulowano.", "Ile zapłacisz?", "Potwierdzasz?");

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run("main"))
            .Send("cześć").AssertReply("Ile zapłacisz?")
            .Send("1 250,50 zł").AssertReply(reply => Assert.Equal("Potwierdzasz?", reply.ShownText()))
            .Send("tak").AssertReply("promise: 1250.50, confirmed: True")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("pl-PL", "pomoc", "Podaj kwotę albo napisz „anuluj”.", "Ile zapłacisz?", "Potwierdzasz?", "500", "tak")]
    [InlineData("en-US", "help", "Type an amount, or 'cancel'.", "How much will you pay?", "Do you confirm?", "500", "yes")]
    public async Task Given_a_question_is_waiting_When_the_user_asks_for_help_Then_help_is_shown_and_the_same_question_is_asked_again(
        string locale, string helpWord, string help, string amountQuestion, string confirmQuestion, string amount, string yes)
    {
        var harness = Harness(help, "-", amountQuestion, confirmQuestion);

        await new TestFlow(harness.Adapter(locale), harness.Run("main"))
            .Send("hi").AssertReply(amountQuestion)
            .Send(helpWord).AssertReply(help).AssertReply(amountQuestion)
            .Send(amount).AssertReply(reply => Assert.Equal(confirmQuestion, reply.ShownText()))
            .Send(helpWord).AssertReply(help).AssertReply(reply => Assert.Equal(confirmQuestion, reply.ShownText()))
            .Send(yes).AssertReply("promise: 500, confirmed: True")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("pl-PL", "anuluj", "Anulowano.", "Ile zapłacisz?")]
    [InlineData("pl-PL", "ANULUJ", "Anulowano.", "Ile zapłacisz?")]
    [InlineData("en-US", "cancel", "Cancelled.", "How much will you pay?")]
    public async Task Given_a_question_is_waiting_When_the_user_cancels_Then_the_component_ends_without_a_result_and_the_next_message_starts_over(
        string locale, string cancelWord, string cancelled, string amountQuestion)
    {
        var harness = Harness("-", cancelled, amountQuestion, "?");

        await new TestFlow(harness.Adapter(locale), harness.Run("main"))
            .Send("hi").AssertReply(amountQuestion)
            .Send("300").AssertReply(reply => Assert.Equal("?", reply.ShownText()))
            .Send(cancelWord).AssertReply(cancelled).AssertReply("no promise")
            .Send("hi again").AssertReply(amountQuestion)
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_a_component_as_the_root_When_it_is_cancelled_from_outside_Then_its_inner_dialogs_are_ended_too()
    {
        var ended = new List<string>();
        var inner = new RecordingDialog("inner", ended);
        var component = new ComponentDialog("root");
        component.AddDialog(inner);
        var harness = new DialogHarness(component);
        var run = harness.Run("root");

        await new TestFlow(harness.Adapter(), async (turn, ct) =>
            {
                if (turn.Activity.Text == "stop")
                {
                    var dc = await harness.Dialogs.CreateContextAsync(turn, ct);
                    await dc.CancelAllDialogsAsync(ct);
                    return;
                }

                await run(turn, ct);
            })
            .Send("hi")
            .Send("stop")
            .Then(_ =>
            {
                Assert.Equal(["inner:CancelCalled"], ended);
                return Task.CompletedTask;
            })
            .StartTestAsync();
    }

    private sealed class RecordingDialog(string id, List<string> ended) : Dialog(id)
    {
        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
            Task.FromResult(EndOfTurn);

        public override Task EndDialogAsync(Turns.ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
        {
            ended.Add($"{Id}:{reason}");
            return Task.CompletedTask;
        }
    }
}
