using BillingBot.Protocol.Dialogs;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Dialogs;
using static BillingBot.Protocol.Tests.Dialogs.DialogHarness;

namespace BillingBot.Protocol.Tests.Dialogs;

public class TextPromptTests
{
    [Fact]
    public async Task Given_a_channel_message_that_mentions_the_bot_When_it_answers_a_text_prompt_Then_the_mention_is_not_part_of_the_answer()
    {
        var harness = PromptTestBot.For(new TextPrompt("text"), new PromptOptions { Prompt = Message("Numer faktury?") });
        var adapter = harness.Adapter("pl-PL");

        await new TestFlow(adapter, harness.Run())
            .Send("<at>BillingBot</at> cześć").AssertReply("Numer faktury?")
            .Send("<at>BillingBot</at> FV/2026/10/017").AssertReply("result: FV/2026/10/017")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("pl-PL", "Numer faktury?", "Przepraszam, ta odpowiedź tu nie pasuje. Numer faktury?")]
    [InlineData("en-US", "Invoice number?", "Sorry, that doesn't work here. Invoice number?")]
    public async Task Given_a_validator_that_rejects_silently_When_the_answer_is_rejected_Then_the_localized_retry_wraps_the_question(string locale, string question, string retry)
    {
        var prompt = new TextPrompt("text", (context, _) => Task.FromResult(context.Recognized.Value?.StartsWith("FV/", StringComparison.OrdinalIgnoreCase) == true));
        var harness = PromptTestBot.For(prompt, new PromptOptions { Prompt = Message(question) });

        await new TestFlow(harness.Adapter(locale), harness.Run())
            .Send("hi").AssertReply(question)
            .Send("17").AssertReply(retry)
            .Send("fv/2026/10/017").AssertReply("result: fv/2026/10/017")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_a_waiting_prompt_When_an_activity_other_than_a_message_arrives_Then_the_prompt_keeps_waiting_silently()
    {
        var harness = PromptTestBot.For(new TextPrompt("text"), new PromptOptions { Prompt = Message("Numer faktury?") });

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("cześć").AssertReply("Numer faktury?")
            .Send(new Activity { Type = ActivityTypes.MessageReaction })
            .AssertNoReply()
            .Send("FV/1").AssertReply("result: FV/1")
            .StartTestAsync();
    }
}
