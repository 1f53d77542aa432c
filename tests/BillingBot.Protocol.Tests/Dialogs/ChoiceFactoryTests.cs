using System.Globalization;
using BillingBot.Protocol.Dialogs.Choices;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Tests.Dialogs;

public class ChoiceFactoryTests
{
    private static readonly IList<Choice> Three = [new("Faktury"), new("Płatności"), new("Pomoc techniczna")];

    [Theory]
    [InlineData("msteams", HeroCard.ContentType)]
    [InlineData("MSTEAMS", HeroCard.ContentType)]
    public void Given_Teams_When_choices_are_laid_out_automatically_Then_they_are_a_hero_card(string channelId, string contentType)
    {
        var activity = ChoiceFactory.ForChannel(channelId, Three, "Co?", ChoiceFactoryOptions.For(CultureInfo.GetCultureInfo("pl-PL")));

        Assert.Equal(contentType, Assert.Single(activity.Attachments!).ContentType);
        Assert.Null(activity.SuggestedActions);
    }

    [Theory]
    [InlineData("en-US", "Pick: 1. Faktury or 2. Płatności")]
    [InlineData("pl-PL", "Pick: 1. Faktury lub 2. Płatności")]
    public void Given_two_choices_in_text_When_joined_Then_the_word_between_them_is_in_the_users_language(string culture, string expected)
    {
        var activity = ChoiceFactory.Inline([new("Faktury"), new("Płatności")], "Pick:", ChoiceFactoryOptions.For(CultureInfo.GetCultureInfo(culture)));

        Assert.Equal(expected, activity.Text);
    }

    [Fact]
    public void Given_three_choices_in_English_When_joined_Then_the_last_is_preceded_by_or()
    {
        var activity = ChoiceFactory.Inline(Three, null, ChoiceFactoryOptions.For(CultureInfo.GetCultureInfo("en-GB")));

        Assert.Equal("1. Faktury, 2. Płatności, or 3. Pomoc techniczna", activity.Text);
    }

    [Fact]
    public void Given_a_choice_with_its_own_button_When_shown_Then_that_button_is_used()
    {
        var choice = new Choice("pay") { Action = new CardAction(ActionTypes.ImBack, "Zapłać teraz", "pay") };

        var card = (HeroCard)ChoiceFactory.HeroCard([choice], "?").Attachments![0].Content!;

        Assert.Equal(("Zapłać teraz", "pay"), (card.Buttons![0].Title, card.Buttons[0].Value));
    }
}
