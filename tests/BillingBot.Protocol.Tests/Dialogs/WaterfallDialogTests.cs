using System.Globalization;
using BillingBot.Protocol.Dialogs;
using BillingBot.TestKit.Dialogs;
using static BillingBot.Protocol.Tests.Dialogs.DialogHarness;

namespace BillingBot.Protocol.Tests.Dialogs;

public class WaterfallDialogTests
{
    private sealed record InvoiceQuery(string Number, int Months);

    [Fact]
    public async Task Given_a_two_question_waterfall_When_the_user_answers_over_three_turns_Then_every_answer_reaches_the_last_step()
    {
        var harness = new DialogHarness(
            new WaterfallDialog("payment", [
                (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Message("Which invoice did you pay?") }, ct),
                async (step, ct) =>
                {
                    step.Values["invoice"] = (string)step.Result!;
                    return await step.PromptAsync("amount", new PromptOptions { Prompt = Message("How much?") }, ct);
                },
                async (step, ct) =>
                {
                    var invoice = step.Values.Get<string>("invoice");
                    await step.Context.SendActivityAsync(string.Create(CultureInfo.InvariantCulture, $"{invoice}: {(decimal)step.Result!}"), ct);
                    return await step.EndDialogAsync(invoice, ct);
                },
            ]),
            new TextPrompt("text"),
            new NumberPrompt<decimal>("amount"));

        await new TestFlow(harness.Adapter(), harness.Run("payment", onEnd: (turn, result, ct) => turn.SendActivityAsync($"done: {result.Result}", ct)))
            .Send("hi").AssertReply("Which invoice did you pay?")
            .Send("FV/2026/10/017").AssertReply("How much?")
            .Send("1,250.50").AssertReply("FV/2026/10/017: 1250.50")
            .AssertReply("done: FV/2026/10/017")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_options_passed_at_begin_When_a_later_turn_reads_them_Then_they_come_back_typed_from_json()
    {
        var harness = new DialogHarness(
            new WaterfallDialog("history", [
                (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Message("Anything else?") }, ct),
                async (step, ct) =>
                {
                    var query = step.GetOptions<InvoiceQuery>()!;
                    await step.Context.SendActivityAsync(string.Create(CultureInfo.InvariantCulture, $"{query.Number} over {query.Months} months, and '{step.Result}'"), ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]),
            new TextPrompt("text"));

        await new TestFlow(harness.Adapter(), harness.Run("history", new InvoiceQuery("FV/2026/10/017", 3)))
            .Send("hi").AssertReply("Anything else?")
            .Send("no").AssertReply("FV/2026/10/017 over 3 months, and 'no'")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_a_step_that_already_knows_the_answer_When_it_calls_next_Then_the_question_is_skipped()
    {
        var harness = new DialogHarness(
            new WaterfallDialog("skip", [
                (step, ct) => step.NextAsync("FV/1", ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"invoice {step.Result} ({step.Reason})", ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]));

        await new TestFlow(harness.Adapter(), harness.Run("skip"))
            .Send("hi").AssertReply("invoice FV/1 (NextCalled)")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_a_step_that_waits_without_a_prompt_When_the_user_writes_Then_the_next_step_gets_the_text()
    {
        var harness = new DialogHarness(
            new WaterfallDialog("echo", [
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync("Say something.", ct);
                    return Dialog.EndOfTurn;
                },
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"You said: {step.Result}", ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]));

        await new TestFlow(harness.Adapter(), harness.Run("echo"))
            .Send("hi").AssertReply("Say something.")
            .Send("dzień dobry").AssertReply("You said: dzień dobry")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_a_dialog_that_replaces_itself_When_the_user_keeps_adding_Then_it_loops_until_done_with_a_fresh_state()
    {
        var harness = new DialogHarness(
            new WaterfallDialog("collect", [
                (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Message("Invoice number, or 'done'?") }, ct),
                async (step, ct) =>
                {
                    var collected = step.GetOptions<List<string>>() ?? [];
                    if ((string)step.Result! == "done")
                    {
                        await step.Context.SendActivityAsync(string.Join(", ", collected), ct);
                        return await step.EndDialogAsync(collected, ct);
                    }

                    return await step.ReplaceDialogAsync("collect", collected.Append((string)step.Result!).ToList(), ct);
                },
            ]),
            new TextPrompt("text"));

        await new TestFlow(harness.Adapter(), harness.Run("collect"))
            .Send("hi").AssertReply("Invoice number, or 'done'?")
            .Send("FV/1").AssertReply("Invoice number, or 'done'?")
            .Send("FV/2").AssertReply("Invoice number, or 'done'?")
            .Send("done").AssertReply("FV/1, FV/2")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_a_waiting_dialog_When_the_bot_cancels_all_Then_the_stack_is_empty_and_the_next_message_starts_over()
    {
        var harness = new DialogHarness(
            new WaterfallDialog("ask", [(step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Message("Which invoice?") }, ct)]),
            new TextPrompt("text"));
        var run = harness.Run("ask");

        await new TestFlow(harness.Adapter(), async (turn, ct) =>
            {
                if (turn.Activity.Text == "stop")
                {
                    var dc = await harness.Dialogs.CreateContextAsync(turn, ct);
                    var cancelled = await dc.CancelAllDialogsAsync(ct);
                    await turn.SendActivityAsync($"{cancelled.Status}, {dc.Stack.Count} left", ct);
                    return;
                }

                await run(turn, ct);
            })
            .Send("hi").AssertReply("Which invoice?")
            .Send("stop").AssertReply("Cancelled, 0 left")
            .Send("hello again").AssertReply("Which invoice?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_no_dialog_was_added_under_an_id_When_it_is_begun_Then_that_programming_error_is_not_hidden()
    {
        var harness = new DialogHarness();

        var flow = new TestFlow(harness.Adapter(), harness.Run("missing")).Send("hi");

        await Assert.ThrowsAsync<InvalidOperationException>(() => flow.StartTestAsync());
    }
}
