using System.Globalization;
using BillingBot.App.Conversations.Cards;
using BillingBot.App.Resources;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Staff;

/// <summary>
/// The card the bot adds to its welcome when installed in a channel of the partner's team: a button that makes the
/// channel the agents' channel (an Action.Execute, <see cref="AgentsChannelPicker.UseVerb"/>), and the card that
/// replaces it once picked.
/// </summary>
public static class UseChannelCard
{
    public static AdaptiveCard Offer(CultureInfo culture)
    {
        var t = StaffAdminTexts.For(culture);
        var body = new List<AdaptiveElement> { CardParts.Title(t["Pick_CardTitle"]), CardParts.Text(t["Pick_CardText"]) };
        var actions = new List<AdaptiveAction> { new AdaptiveExecuteAction { Title = t["Pick_Button"], Verb = AgentsChannelPicker.UseVerb, Style = AdaptiveActionStyle.Positive } };
        return CardParts.Card(body, actions, t["Pick_CardText"], culture.TwoLetterISOLanguageName);
    }

    public static AdaptiveCard Picked(CultureInfo culture, string byName)
    {
        var t = StaffAdminTexts.For(culture);
        var body = new List<AdaptiveElement> { CardParts.Title(t["Pick_CardTitle"]), CardParts.Text(t.Format("Pick_Done", MarkdownText.Escape(byName)), AdaptiveTextColor.Good) };
        return CardParts.Card(body, null, t.Format("Pick_Done", byName), culture.TwoLetterISOLanguageName);
    }
}
