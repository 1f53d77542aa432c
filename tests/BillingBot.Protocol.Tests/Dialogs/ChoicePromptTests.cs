using System.Globalization;
using BillingBot.Protocol.Dialogs;
using BillingBot.Protocol.Dialogs.Choices;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Dialogs;
using static BillingBot.Protocol.Tests.Dialogs.DialogHarness;

namespace BillingBot.Protocol.Tests.Dialogs;

public class ChoicePromptTests
{
    private static PromptOptions Polish(ListStyle? style = null) => new()
    {
        Prompt = Message("Co chcesz sprawdzić?"),
        Choices = [new Choice("Faktury"), new Choice("Płatności"), new Choice("Pomoc techniczna") { Synonyms = ["wsparcie"] }],
        Style = style,
    };

    private static PromptOptions English() => new()
    {
        Prompt = Message("What would you like to check?"),
        Choices = [new Choice("Invoices"), new Choice("Payments"), new Choice("Support")],
    };

    private static string Describe(object? result) =>
        result is FoundChoice found ? string.Create(CultureInfo.InvariantCulture, $"{found.Value} #{found.Index} {found.Score:0.0#} {found.Synonym}").TrimEnd() : "none";

    [Fact]
    public async Task Given_Teams_When_choices_are_offered_Then_they_are_imBack_buttons_on_a_hero_card()
    {
        var harness = PromptTestBot.For(new ChoicePrompt("choice"), English(), Describe);

        await new TestFlow(harness.Adapter("en-US"), harness.Run())
            .Send("hi").AssertReply(reply =>
            {
                Assert.Null(reply.Text);
                var card = reply.HeroCard()!;
                Assert.Equal("What would you like to check?", card.Text);
                Assert.Equal(["Invoices", "Payments", "Support"], card.Buttons!.Select(b => b.Title));
                Assert.All(card.Buttons!, b => Assert.Equal((ActionTypes.ImBack, b.Title), (b.Type, b.Value?.ToString())));
            })
            .Send("Payments").AssertReply("result: Payments #1 1.0")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Płatności", "Płatności #1 1.0")]
    [InlineData("platnosci", "Płatności #1 1.0")]
    [InlineData("PŁATNOŚCI", "Płatności #1 1.0")]
    [InlineData("2", "Płatności #1 1.0")]
    [InlineData("drugi", "Płatności #1 1.0")]
    [InlineData("druga", "Płatności #1 1.0")]
    [InlineData("ostatnia", "Pomoc techniczna #2 1.0")]
    [InlineData("chcę zobaczyć faktury", "Faktury #0 0.9")]
    [InlineData("fakturę", "Faktury #0 0.8")]
    [InlineData("wsparcie", "Pomoc techniczna #2 1.0 wsparcie")]
    public async Task Given_Polish_choices_When_the_user_clicks_types_or_names_a_position_Then_the_choice_is_found(string answer, string expected)
    {
        var harness = PromptTestBot.For(new ChoicePrompt("choice"), Polish(), Describe);

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("cześć").AssertReply(_ => { })
            .Send(answer).AssertReply("result: " + expected)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("the second one", "Payments #1 1.0")]
    [InlineData("first", "Invoices #0 1.0")]
    [InlineData("my invoices please", "Invoices #0 0.9")]
    public async Task Given_English_choices_When_the_user_names_one_Then_the_choice_is_found(string answer, string expected)
    {
        var harness = PromptTestBot.For(new ChoicePrompt("choice"), English(), Describe);

        await new TestFlow(harness.Adapter("en-GB"), harness.Run())
            .Send("hi").AssertReply(_ => { })
            .Send(answer).AssertReply("result: " + expected)
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_an_answer_that_fits_no_choice_When_it_arrives_Then_the_localized_retry_shows_the_buttons_again()
    {
        var harness = PromptTestBot.For(new ChoicePrompt("choice"), Polish(), Describe);

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("cześć").AssertReply(_ => { })
            .Send("pizza").AssertReply(reply =>
            {
                Assert.Equal("Wybierz proszę jedną z opcji. Co chcesz sprawdzić?", reply.ShownText());
                Assert.Equal(["Faktury", "Płatności", "Pomoc techniczna"], reply.ButtonTitles());
            })
            .Send("4").AssertReply(reply => Assert.StartsWith("Wybierz", reply.ShownText(), StringComparison.Ordinal))
            .Send("1").AssertReply("result: Faktury #0 1.0")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_a_channel_without_buttons_When_choices_are_offered_Then_they_are_inline_text_joined_in_Polish()
    {
        var harness = PromptTestBot.For(new ChoicePrompt("choice"), Polish(), Describe);

        await new TestFlow(harness.Adapter("pl-PL", channelId: "sms"), harness.Run())
            .Send("cześć").AssertReply("Co chcesz sprawdzić? 1. Faktury, 2. Płatności lub 3. Pomoc techniczna")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_the_list_style_When_choices_are_offered_Then_each_is_a_numbered_line()
    {
        var harness = PromptTestBot.For(new ChoicePrompt("choice"), Polish(ListStyle.List), Describe);

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("cześć").AssertReply("Co chcesz sprawdzić?\n\n1. Faktury\n\n2. Płatności\n\n3. Pomoc techniczna")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_Web_Chat_When_choices_are_offered_Then_they_are_suggested_actions()
    {
        var harness = PromptTestBot.For(new ChoicePrompt("choice"), English(), Describe);

        await new TestFlow(harness.Adapter("en-US", channelId: "webchat"), harness.Run())
            .Send("hi").AssertReply(reply =>
            {
                Assert.Equal("What would you like to check?", reply.Text);
                Assert.Equal(["Invoices", "Payments", "Support"], reply.SuggestedActions!.Actions!.Select(a => a.Title));
            })
            .StartTestAsync();
    }
}
