using System.Text.Json.Nodes;
using BillingBot.Protocol.Dialogs;
using BillingBot.Protocol.State;
using BillingBot.TestKit.Dialogs;
using static BillingBot.Protocol.Tests.Dialogs.DialogHarness;

namespace BillingBot.Protocol.Tests.Dialogs;

/// <summary>A deploy changes the dialogs while conversations are half-way: the bot must apologise and start over, never crash.</summary>
public class StaleDialogStackTests
{
    private static WaterfallDialog Asking(string id, params string[] questions) =>
        new(id, questions.Select(q => (WaterfallStep)((step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Message(q) }, ct))));

    [Fact]
    public async Task Given_a_saved_stack_naming_a_dialog_that_was_removed_When_the_user_answers_Then_the_bot_apologises_and_starts_the_new_dialog()
    {
        var storage = new MemoryStorage();
        var before = new DialogHarness(storage, Asking("old-flow", "Old question?"), new TextPrompt("text"));
        var after = new DialogHarness(storage, Asking("new-flow", "New question?"), new TextPrompt("text"));
        var adapter = before.Adapter();

        await new TestFlow(adapter, before.Run("old-flow"))
            .Send("hi").AssertReply("Old question?")
            .StartTestAsync();
        await new TestFlow(adapter, after.Run("new-flow"))
            .Send("an answer to the old question").AssertReply(StartedOver).AssertReply("New question?")
            .StartTestAsync();

        Assert.Equal("old-flow", after.LastReset?.DialogId);
        var stored = await after.StoredJsonAsync(adapter);
        Assert.DoesNotContain("old-flow", stored, StringComparison.Ordinal);
        Assert.Contains("new-flow", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_saved_prompt_whose_id_was_renamed_When_the_user_answers_Then_the_bot_starts_over()
    {
        var storage = new MemoryStorage();
        var before = new DialogHarness(storage, Asking("flow", "Question?"), new TextPrompt("text"));
        var after = new DialogHarness(storage, new WaterfallDialog("flow", [(step, ct) => step.PromptAsync("free-text", new PromptOptions { Prompt = Message("Question?") }, ct)]), new TextPrompt("free-text"));
        var adapter = before.Adapter();

        await new TestFlow(adapter, before.Run("flow")).Send("hi").AssertReply("Question?").StartTestAsync();
        await new TestFlow(adapter, after.Run("flow"))
            .Send("answer").AssertReply(StartedOver).AssertReply("Question?")
            .StartTestAsync();

        Assert.Equal("text", after.LastReset?.DialogId);
    }

    [Fact]
    public async Task Given_a_waterfall_saved_at_a_step_that_no_longer_exists_When_its_prompt_is_answered_Then_the_bot_starts_over()
    {
        var storage = new MemoryStorage();
        var before = new DialogHarness(storage, Asking("flow", "First?", "Second?", "Third?"), new TextPrompt("text"));
        var after = new DialogHarness(storage, Asking("flow", "First?", "Second?"), new TextPrompt("text"));
        var adapter = before.Adapter();

        await new TestFlow(adapter, before.Run("flow"))
            .Send("hi").AssertReply("First?")
            .Send("1").AssertReply("Second?")
            .Send("2").AssertReply("Third?")
            .StartTestAsync();
        await new TestFlow(adapter, after.Run("flow"))
            .Send("3").AssertReply(StartedOver).AssertReply("First?")
            .Send("1").AssertReply("Second?")
            .StartTestAsync();

        Assert.Equal("flow", after.LastReset?.DialogId);
        Assert.Contains("step 2", after.LastReset?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_component_whose_inner_dialog_was_removed_When_the_user_answers_Then_the_whole_stack_starts_over()
    {
        var storage = new MemoryStorage();
        var before = new DialogHarness(storage, Component("ask-v1"));
        var after = new DialogHarness(storage, Component("ask-v2"));
        var adapter = before.Adapter("pl-PL");

        await new TestFlow(adapter, before.Run("outer"))
            .Send("cześć").AssertReply("Pytanie?")
            .StartTestAsync();
        await new TestFlow(adapter, after.Run("outer"))
            .Send("odpowiedź").AssertReply(StartedOver).AssertReply("Pytanie?")
            .StartTestAsync();

        Assert.Equal("ask-v1", after.LastReset?.DialogId);

        static ComponentDialog Component(string innerId)
        {
            var component = new ComponentDialog("outer");
            component.AddDialog(Asking(innerId, "Pytanie?"));
            component.AddDialog(new TextPrompt("text"));
            return component;
        }
    }

    [Theory]
    [InlineData("""{"DialogState":{"dialogStack":5}}""")]
    [InlineData("""{"DialogState":{"dialogStack":[{"id":"text","state":{"options":"not options","state":{}}}]}}""")]
    [InlineData("""{"DialogState":{"dialogStack":[{"id":"text","state":{}}]}}""")]
    public async Task Given_saved_state_this_build_cannot_read_When_the_user_writes_Then_the_bot_starts_over(string savedJson)
    {
        var harness = new DialogHarness(Asking("flow", "First?"), new TextPrompt("text"));
        var adapter = harness.Adapter();
        await harness.Storage.WriteAsync(
            new Dictionary<string, StoreItem> { [$"msteams/conversations/{adapter.ConversationId}"] = new(savedJson, ETags.Any) },
            CancellationToken.None);

        await new TestFlow(adapter, harness.Run("flow"))
            .Send("hello").AssertReply(StartedOver).AssertReply("First?")
            .Send("fine").AssertNoReply()
            .StartTestAsync();

        var stack = JsonNode.Parse((await harness.StoredJsonAsync(adapter))!)!["DialogState"]!["dialogStack"]!.AsArray();
        Assert.Empty(stack);
    }
}
