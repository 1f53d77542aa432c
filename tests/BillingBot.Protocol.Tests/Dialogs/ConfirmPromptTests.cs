using BillingBot.Protocol.Dialogs;
using BillingBot.Protocol.Dialogs.Choices;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Dialogs;
using static BillingBot.Protocol.Tests.Dialogs.DialogHarness;

namespace BillingBot.Protocol.Tests.Dialogs;

public class ConfirmPromptTests
{
    private static readonly PromptOptions PolishQuestion = new() { Prompt = Message("Wysłać fakturę ponownie?") };
    private static readonly PromptOptions EnglishQuestion = new() { Prompt = Message("Send the invoice again?") };

    [Fact]
    public async Task Given_Teams_When_a_Polish_user_is_asked_Then_the_question_is_a_hero_card_with_Tak_and_Nie_buttons()
    {
        var harness = PromptTestBot.For(new ConfirmPrompt("confirm"), PolishQuestion);

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("cześć").AssertReply(reply =>
            {
                var card = reply.HeroCard();
                Assert.NotNull(card);
                Assert.Equal(HeroCard.ContentType, reply.Attachments![0].ContentType);
                Assert.Equal("Wysłać fakturę ponownie?", card.Text);
                Assert.Equal(["Tak", "Nie"], card.Buttons!.Select(b => b.Title));
                Assert.All(card.Buttons!, b => Assert.Equal(ActionTypes.ImBack, b.Type));
                Assert.Equal(["Tak", "Nie"], card.Buttons!.Select(b => b.Value?.ToString()));
                Assert.Equal(InputHints.ExpectingInput, reply.InputHint);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Tak", true)]
    [InlineData("tak", true)]
    [InlineData("TAK!", true)]
    [InlineData("jasne", true)]
    [InlineData("oczywiscie", true)]
    [InlineData("no pewnie", true)]
    [InlineData("1", true)]
    [InlineData("Nie", false)]
    [InlineData("raczej nie", false)]
    [InlineData("nie, dziekuje", false)]
    [InlineData("2", false)]
    public async Task Given_a_Polish_user_When_they_click_or_type_an_answer_Then_it_is_read_as_yes_or_no(string answer, bool expected)
    {
        var harness = PromptTestBot.For(new ConfirmPrompt("confirm"), PolishQuestion);

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("cześć").AssertReply(_ => { })
            .Send(answer).AssertReply($"result: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Yes", true)]
    [InlineData("sure", true)]
    [InlineData("ok", true)]
    [InlineData("No", false)]
    [InlineData("nope", false)]
    [InlineData("tak", true)]
    public async Task Given_an_English_user_When_they_answer_Then_it_is_read_as_yes_or_no(string answer, bool expected)
    {
        var harness = PromptTestBot.For(new ConfirmPrompt("confirm"), EnglishQuestion);

        await new TestFlow(harness.Adapter("en-US"), harness.Run())
            .Send("hi").AssertReply(reply => Assert.Equal(["Yes", "No"], reply.ButtonTitles()))
            .Send(answer).AssertReply($"result: {expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_an_answer_that_is_neither_When_it_arrives_Then_the_retry_is_localized_and_keeps_the_buttons()
    {
        var harness = PromptTestBot.For(new ConfirmPrompt("confirm"), PolishQuestion);

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("cześć").AssertReply(_ => { })
            .Send("może").AssertReply(reply =>
            {
                Assert.Equal("Odpowiedz proszę „tak” lub „nie”. Wysłać fakturę ponownie?", reply.ShownText());
                Assert.Equal(["Tak", "Nie"], reply.ButtonTitles());
            })
            .Send("tak").AssertReply("result: True")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_the_caller_asks_for_suggested_actions_When_asked_in_a_personal_chat_Then_the_buttons_are_suggested_actions()
    {
        var options = new PromptOptions { Prompt = Message("Wysłać fakturę ponownie?"), Style = ListStyle.SuggestedAction };
        var harness = PromptTestBot.For(new ConfirmPrompt("confirm"), options);

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("cześć").AssertReply(reply =>
            {
                Assert.Equal("Wysłać fakturę ponownie?", reply.Text);
                Assert.Null(reply.Attachments);
                Assert.Equal(["Tak", "Nie"], reply.SuggestedActions!.Actions!.Select(a => a.Title));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_buttons_with_the_callers_titles_When_the_user_clicks_one_Then_it_counts_as_that_answer()
    {
        var prompt = new ConfirmPrompt("confirm") { ConfirmChoices = (new Choice("Wyślij"), new Choice("Później")) };
        var harness = PromptTestBot.For(prompt, PolishQuestion);

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("cześć").AssertReply(reply => Assert.Equal(["Wyślij", "Później"], reply.ButtonTitles()))
            .Send("Później").AssertReply("result: False")
            .StartTestAsync();
    }
}
