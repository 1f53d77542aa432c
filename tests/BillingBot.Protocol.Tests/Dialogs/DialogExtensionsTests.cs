using BillingBot.Protocol.Dialogs;
using BillingBot.Protocol.State;
using BillingBot.TestKit.Dialogs;
using static BillingBot.Protocol.Tests.Dialogs.DialogHarness;

namespace BillingBot.Protocol.Tests.Dialogs;

public class DialogExtensionsTests
{
    private static ComponentDialog Root(string promptId)
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps", [
            (step, ct) => step.PromptAsync(promptId, new PromptOptions { Prompt = Message("Numer faktury?") }, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        ]));
        root.AddDialog(new TextPrompt(promptId));
        return root;
    }

    [Fact]
    public async Task Given_a_root_dialog_When_run_each_turn_Then_it_begins_once_continues_and_completes_with_its_result()
    {
        var state = new ConversationState(new MemoryStorage());
        var accessor = state.CreateProperty<DialogState>("DialogState");
        var root = Root("text");
        var statuses = new List<string>();

        await new TestFlow(new TestAdapter(new AutoSaveStateMiddleware(state)) { Locale = "pl-PL" }, async (turn, ct) =>
            {
                var result = await root.RunAsync(turn, accessor, ct);
                statuses.Add($"{result.Status}:{result.Result}");
            })
            .Send("cześć").AssertReply("Numer faktury?")
            .Send("FV/1")
            .Then(_ =>
            {
                Assert.Equal(["Waiting:", "Complete:FV/1"], statuses);
                return Task.CompletedTask;
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_a_stale_stack_When_run_Then_the_reset_is_returned_and_running_again_starts_over()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var accessor = state.CreateProperty<DialogState>("DialogState");
        var adapter = new TestAdapter(new AutoSaveStateMiddleware(state)) { Locale = "pl-PL" };
        var before = Root("text");
        var after = Root("text-renamed");

        await new TestFlow(adapter, async (turn, ct) => await before.RunAsync(turn, accessor, ct))
            .Send("cześć").AssertReply("Numer faktury?")
            .StartTestAsync();
        await new TestFlow(adapter, async (turn, ct) =>
            {
                var result = await after.RunAsync(turn, accessor, ct);
                if (result.Status == DialogTurnStatus.Reset)
                {
                    await turn.SendActivityAsync("Przepraszam, zacznijmy od nowa.", ct);
                    await after.RunAsync(turn, accessor, ct);
                }
            })
            .Send("FV/1").AssertReply("Przepraszam, zacznijmy od nowa.").AssertReply("Numer faktury?")
            .StartTestAsync();
    }
}
