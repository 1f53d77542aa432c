using System.Globalization;
using BillingBot.App.Staff;
using BillingBot.Protocol.Cards;
using BillingBot.TestKit.Cards;

namespace BillingBot.App.Tests.Staff;

/// <summary>The card offering a channel as the agents' channel, and the one that replaces it, pass the Teams schema and the renderer in both languages.</summary>
public sealed class UseChannelCardTests(AdaptiveCardChecks checks) : IClassFixture<AdaptiveCardChecks>
{
    [Theory]
    [InlineData("pl-PL")]
    [InlineData("en-US")]
    public async Task The_channel_pick_cards_are_valid_for_Teams(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        AdaptiveCard[] cards = [UseChannelCard.Offer(culture), UseChannelCard.Picked(culture, "Maria Zielińska")];

        var problems = await checks.ProblemsOfAllAsync([.. cards.Select(AdaptiveCardSerializer.Serialize)]);

        Assert.All(problems.Select((p, i) => (p, i)), x => Assert.True(x.p.Count == 0, $"card {x.i}: {string.Join("; ", x.p)}"));
    }
}
