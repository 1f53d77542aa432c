using System.Globalization;
using BillingBot.App.Conversations.Cards;
using BillingBot.Billing.Handoff;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Handoff;

/// <summary>The card that asks the customer, after a hand-off, for a 1–5 rating: five buttons, and a thank-you once rated.</summary>
public static class HandoffRatingCard
{
    public static AdaptiveCard Ask(HandoffRequest request, HandoffFormat format)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var body = new List<AdaptiveElement>
        {
            CardParts.Heading(t["Rate_Title"]),
            CardParts.Text(t.Format("Rate_Question", MarkdownText.Escape(request.AcceptedBy?.Name))),
        };
        var actions = Enumerable.Range(1, 5).Select(stars => (AdaptiveAction)new AdaptiveExecuteAction
        {
            Title = new string('★', stars),
            Verb = HandoffVerbs.Rate,
            Data = new Dictionary<string, string> { [HandoffVerbs.HandoffField] = request.HandoffId, [HandoffVerbs.StarsField] = stars.ToString(CultureInfo.InvariantCulture) },
        }).ToList();
        return CardParts.Card(body, actions, t["Rate_Fallback"], format.Language);
    }

    public static AdaptiveCard Thanks(int stars, HandoffFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var text = format.Texts.Format("Rate_Thanks", stars);
        return CardParts.Card([CardParts.Heading(format.Texts["Rate_Title"]), CardParts.Text(text)], null, text, format.Language);
    }
}
