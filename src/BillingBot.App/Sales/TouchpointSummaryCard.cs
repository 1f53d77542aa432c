using BillingBot.App.Conversations.Cards;
using BillingBot.Billing.Touchpoints;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Sales;

/// <summary>
/// The staff's summary of one customer over a period: questions by topic (most first), hand-offs, tickets (opened, and
/// open or closed by category), reminders sent by kind and sales leads, with the dates the period covers.
/// </summary>
public static class TouchpointSummaryCard
{
    public static AdaptiveCard Build(TouchpointSummary summary, SalesFormat format)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var questions = summary.Of(TouchpointKind.Question).ToList();
        var handoffs = summary.Of(TouchpointKind.Handoff).ToList();
        var tickets = summary.Of(TouchpointKind.Ticket).ToList();
        var reminders = summary.Of(TouchpointKind.Reminder).ToList();
        var leads = summary.Of(TouchpointKind.SalesLead).ToList();
        var body = new List<AdaptiveElement>
        {
            CardParts.Title(t.Format("Summary_Title", MarkdownText.Escape(summary.Customer.Name))),
            new AdaptiveTextBlock
            {
                Text = t.Format("Summary_Period", format.Date(summary.Since), format.Date(summary.Until), summary.Days),
                Wrap = true,
                IsSubtle = true,
                Spacing = AdaptiveSpacing.None,
            },
            new AdaptiveFactSet
            {
                Facts =
                [
                    new(t["Fact_Tenant"], summary.Customer.TenantId),
                    new(t["Fact_SupportPlan"], format.Plan(summary.Customer.SupportPlan)),
                ],
            },
        };

        Section(body, t.Format("Summary_Questions", questions.Count), questions, format);
        Section(body, t.Format("Summary_Handoffs", handoffs.Count), handoffs, format);
        Section(body, t.Format("Summary_Tickets", summary.TicketsOpened), tickets, format, sayNothing: summary.TicketsOpened == 0 && summary.RelevantTickets.Count == 0);
        TicketTable(body, summary, format);
        Section(body, t.Format("Summary_Reminders", reminders.Count), reminders, format);
        body.Add(CardParts.Heading(t.Format("Summary_Leads", leads.Count)));
        body.Add(leads.Count == 0
            ? CardParts.Text(t["Summary_Nothing"], subtle: true)
            : CardParts.Text(t.Format("Summary_LastLead", format.Date(leads.Max(l => l.At)))));

        var fallback = t.Format("Summary_Fallback", summary.Customer.Name, summary.Days, questions.Count, handoffs.Count, summary.TicketsOpened, reminders.Count, leads.Count);
        return CardParts.Card(body, null, fallback, format.Language);
    }

    private static void Section(List<AdaptiveElement> body, string heading, IReadOnlyList<Touchpoint> touchpoints, SalesFormat format, bool sayNothing = true)
    {
        body.Add(CardParts.Heading(heading));
        var topics = format.ByTopic(touchpoints);
        if (topics.Count > 0)
        {
            body.Add(new AdaptiveFactSet { Facts = [.. topics.Select(x => new AdaptiveFact(x.Label, x.Count.ToString(format.Culture)))], Spacing = AdaptiveSpacing.Small });
        }
        else if (sayNothing)
        {
            body.Add(CardParts.Text(format.Texts["Summary_Nothing"], subtle: true));
        }
    }

    private static void TicketTable(List<AdaptiveElement> body, TouchpointSummary summary, SalesFormat format)
    {
        var relevant = summary.RelevantTickets;
        if (relevant.Count == 0)
        {
            return;
        }

        var t = format.Texts;
        var rows = new List<AdaptiveTableRow>
        {
            new() { Cells = [CardParts.Cell(t["Column_Category"]), CardParts.Cell(t["Column_Open"]), CardParts.Cell(t["Column_Closed"])] },
        };
        rows.AddRange(relevant.GroupBy(x => x.Category).OrderBy(g => g.Key).Select(g => new AdaptiveTableRow
        {
            Cells =
            [
                CardParts.Cell(format.Category(g.Key)),
                CardParts.Cell(g.Count(x => x.IsOpen).ToString(format.Culture)),
                CardParts.Cell(g.Count(x => !x.IsOpen).ToString(format.Culture)),
            ],
        }));
        body.Add(CardParts.Text(t["Summary_TicketsNow"], subtle: true));
        body.Add(new AdaptiveTable
        {
            Columns =
            [
                new() { Width = AdaptiveTableColumnWidth.Weight(4) },
                new() { Width = AdaptiveTableColumnWidth.Weight(2), HorizontalCellContentAlignment = AdaptiveHorizontalAlignment.Right },
                new() { Width = AdaptiveTableColumnWidth.Weight(2), HorizontalCellContentAlignment = AdaptiveHorizontalAlignment.Right },
            ],
            Rows = rows,
            FirstRowAsHeader = true,
            ShowGridLines = false,
        });
    }
}
