using BillingBot.App.Conversations.Cards;
using BillingBot.Billing.Touchpoints;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Sales;

/// <summary>
/// The card in the sales channel when a customer asks about buying more: the sales agents @mentioned, the customer, who
/// asked and what they wrote, the plan, how many invoices are open and whether any is overdue (counts, never amounts),
/// and the customer's recent touchpoints by topic.
/// </summary>
public static class LeadCard
{
    /// <summary>The longest part of the customer's message the card quotes.</summary>
    public const int MaxQuotedLength = 1000;

    private static readonly TouchpointKind[] KindsInOrder =
        [TouchpointKind.Question, TouchpointKind.Handoff, TouchpointKind.Ticket, TouchpointKind.Reminder, TouchpointKind.SalesLead];

    public static AdaptiveCard Build(SalesLead lead, SalesFormat format)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var customer = lead.Customer;
        var mentions = lead.SalesAgents.Select(a => new TeamsCardMention { Text = Tag(a.Name), Mentioned = new ChannelAccount(a.ObjectId, a.Name) }).ToList();
        var body = new List<AdaptiveElement>
        {
            CardParts.Title(t.Format("Lead_Title", MarkdownText.Escape(customer.Name))),
            CardParts.Text(mentions.Count > 0
                ? t.Format("Lead_Intro", string.Join(", ", mentions.Select(m => m.Text)), MarkdownText.Escape(customer.Name))
                : t.Format("Lead_IntroNoAgents", MarkdownText.Escape(customer.Name))),
            new AdaptiveFactSet { Facts = Facts(lead, format) },
        };
        if (!string.IsNullOrWhiteSpace(lead.Written))
        {
            body.Add(CardParts.Heading(t["Lead_Message"]));
            body.Add(CardParts.Text(Quote(lead.Written)));
        }

        body.Add(CardParts.Heading(t.Format("Lead_Recent", lead.RecentDays)));
        if (lead.Recent is not { } recent)
        {
            body.Add(CardParts.Text(t["Lead_HistoryUnavailable"], AdaptiveTextColor.Warning));
        }
        else if (recent.Count == 0)
        {
            body.Add(CardParts.Text(t.Format("Lead_NoTouchpoints", lead.RecentDays), subtle: true));
        }

        foreach (var kind in KindsInOrder)
        {
            var topics = format.ByTopic(lead.Recent?.Where(p => p.Kind == kind) ?? []);
            if (topics.Count > 0)
            {
                body.Add(new AdaptiveTextBlock
                {
                    Text = t.Format("Lead_KindLine", format.Kind(kind), string.Join(", ", topics.Select(x => format.Counted(x.Label, x.Count)))),
                    Wrap = true,
                    Spacing = AdaptiveSpacing.Small,
                });
            }
        }

        var card = CardParts.Card(body, null, t.Format("Lead_Fallback", customer.Name), format.Language);
        return card with { MsTeams = new TeamsCardProperties { Width = TeamsCardWidth.Full, Entities = mentions.Count > 0 ? mentions : null } };
    }

    /// <summary>The tag that mentions a person in a card's text.</summary>
    public static string Tag(string name) => "<at>" + name + "</at>";

    private static List<AdaptiveFact> Facts(SalesLead lead, SalesFormat format)
    {
        var t = format.Texts;
        var unknown = t["Unknown"];
        return
        [
            new(t["Fact_Customer"], MarkdownText.Escape(lead.Customer.Name)),
            new(t["Fact_Tenant"], lead.Customer.TenantId),
            new(t["Fact_AskedBy"], string.IsNullOrWhiteSpace(lead.AskedByName) ? unknown : Quote(lead.AskedByName)),
            new(t["Fact_ObjectId"], lead.AskedByObjectId ?? unknown),
            new(t["Fact_ContactRole"], t["Role_" + (lead.AskedByRole?.ToString() ?? "None")]),
            new(t["Fact_Language"], format.LanguageName(lead.Language)),
            new(t["Fact_SupportPlan"], format.Plan(lead.Customer.SupportPlan)),
            new(t["Fact_OpenInvoices"], lead.OpenInvoices.ToString(format.Culture)),
            new(t["Fact_Overdue"], lead.OverdueInvoices > 0 ? t.Format("Overdue_Yes", lead.OverdueInvoices) : t["Overdue_No"]),
        ];
    }

    // What a customer typed is shown, never interpreted: no <at> tag of theirs may become a mention, no Markdown formats.
    private static string Quote(string text)
    {
        var shown = text.Trim().Replace('<', '‹').Replace('>', '›');
        return MarkdownText.Escape(shown.Length <= MaxQuotedLength ? shown : shown[..MaxQuotedLength] + "…");
    }
}
