using BillingBot.App.Conversations.Cards;
using BillingBot.App.Reminders;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Suspensions.Cards;

/// <summary>A notice for the partner's billing team in the agents' channel: its subject, what to do, and which customer.</summary>
public static class BillingTeamNoticeCard
{
    public static AdaptiveCard Build(BillingTeamNotice notice, string? customerName, SuspensionFormat format)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var facts = new List<AdaptiveFact>();
        if (customerName is not null)
        {
            facts.Add(new(t["Fact_Customer"], MarkdownText.Escape(customerName)));
        }

        facts.Add(new(t["Fact_Tenant"], notice.TenantId));
        var body = new List<AdaptiveElement>
        {
            CardParts.Title(MarkdownText.Escape(notice.Subject)),
            CardParts.Text(MarkdownText.Escape(notice.Details)),
            new AdaptiveFactSet { Facts = facts },
        };
        return CardParts.Card(body, null, notice.Subject, format.Language);
    }
}
