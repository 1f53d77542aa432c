using System.Text.Json.Nodes;
using BillingBot.Protocol.Dialogs;
using BillingBot.TestKit.Dialogs;
using static BillingBot.Protocol.Tests.Dialogs.DialogHarness;

namespace BillingBot.Protocol.Tests.Dialogs;

public class DialogStatePersistenceTests
{
    [Fact]
    public async Task Given_a_waterfall_waiting_on_a_prompt_When_the_turn_ends_Then_the_stack_is_stored_as_plain_json()
    {
        var harness = new DialogHarness(
            new WaterfallDialog("payment", [
                (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Message("Which invoice?") }, ct),
                async (step, ct) =>
                {
                    step.Values["invoice"] = step.Result;
                    step.Values["paidOn"] = new DateOnly(2026, 11, 20);
                    return await step.PromptAsync("amount", new PromptOptions { Prompt = Message("How much?"), MaxAttempts = 3 }, ct);
                },
                (step, ct) => step.EndDialogAsync(null, ct),
            ]),
            new TextPrompt("text"),
            new NumberPrompt<decimal>("amount"));
        var adapter = harness.Adapter();

        await new TestFlow(adapter, harness.Run("payment"))
            .Send("hi").AssertReply("Which invoice?")
            .Send("FV/2026/10/017").AssertReply("How much?")
            .Send("not sure").AssertReply(_ => { })
            .StartTestAsync();

        var stack = JsonNode.Parse((await harness.StoredJsonAsync(adapter))!)!["DialogState"]!["dialogStack"]!.AsArray();
        Assert.Equal(["amount", "payment"], stack.Select(i => (string?)i!["id"]));
        var prompt = stack[0]!["state"]!;
        Assert.Equal("How much?", (string?)prompt["options"]!["prompt"]!["text"]);
        Assert.Equal(3, (int?)prompt["options"]!["maxAttempts"]);
        Assert.Equal(1, (int?)prompt["state"]!["attemptCount"]);
        var waterfall = stack[1]!["state"]!;
        Assert.Equal(1, (int?)waterfall["stepIndex"]);
        Assert.Equal("FV/2026/10/017", (string?)waterfall["values"]!["invoice"]);
        Assert.Equal("2026-11-20", (string?)waterfall["values"]!["paidOn"]);
    }

    [Fact]
    public async Task Given_typed_values_saved_in_one_turn_When_a_later_turn_reads_them_Then_they_come_back_as_the_same_types()
    {
        var harness = new DialogHarness(
            new WaterfallDialog("values", [
                async (step, ct) =>
                {
                    step.Values["due"] = new DateOnly(2026, 12, 15);
                    step.Values["amount"] = 1250.50m;
                    step.Values["invoices"] = new List<string> { "FV/1", "FV/2" };
                    await step.Context.SendActivityAsync("saved", ct);
                    return Dialog.EndOfTurn;
                },
                async (step, ct) =>
                {
                    var due = step.Values.Get<DateOnly>("due");
                    var amount = step.Values.Get<decimal>("amount");
                    var invoices = step.Values.Get<List<string>>("invoices")!;
                    await step.Context.SendActivityAsync(FormattableString.Invariant($"{due:yyyy-MM-dd} {amount} {string.Join('+', invoices)}"), ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]));

        await new TestFlow(harness.Adapter(), harness.Run("values"))
            .Send("hi").AssertReply("saved")
            .Send("next").AssertReply("2026-12-15 1250.50 FV/1+FV/2")
            .StartTestAsync();
    }
}
