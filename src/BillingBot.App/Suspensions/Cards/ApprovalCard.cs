using System.Globalization;
using BillingBot.App.Conversations.Cards;
using BillingBot.Billing;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Suspensions;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Suspensions.Cards;

/// <summary>
/// The card in the partner's agents' channel that asks the billing admins to approve or postpone a suspension: the
/// customer, its overdue invoices with amounts (this is the partner's own channel), days overdue, the reminders sent,
/// the audit trail, and Approve / Postpone (with a date) as Universal Actions. Decided cases show their state instead.
/// </summary>
public static class ApprovalCard
{
    public const int MaxInvoices = 10;
    public const int MaxHistory = 12;
    public const int MaxAuditLines = 15;

    /// <summary>The longest a decision may be postponed, in days.</summary>
    public const int MaxPostponeDays = 90;

    /// <summary>The day a postponement proposes unless the admin picks another.</summary>
    public const int DefaultPostponeDays = 7;

    public static AdaptiveCard Build(ApprovalView view, SuspensionFormat format)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var b = format.Billing;
        var c = view.Case;
        var (status, color) = Status(c, format);
        var body = new List<AdaptiveElement>
        {
            CardParts.Title(t.Format("Approval_Title", MarkdownText.Escape(view.Customer.Name))),
            new AdaptiveTextBlock { Text = status, Color = color, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.None },
        };
        if (c.AwaitsDecision)
        {
            body.Add(CardParts.Text(t.Format("Approval_Intro", MarkdownText.Escape(view.Customer.Name), b.Days(view.Policy.SuspensionAfterDays))));
        }

        body.Add(new AdaptiveFactSet { Facts = Facts(view, format) });
        if (view.Overdue.Count > 0)
        {
            body.Add(CardParts.Heading(t["Heading_Invoices"]));
            body.Add(InvoiceRows(view, format));
            if (view.Overdue.Count > MaxInvoices)
            {
                body.Add(CardParts.Text(t.Format("Invoices_More", view.Overdue.Count - MaxInvoices), subtle: true));
            }
        }

        body.Add(CardParts.Heading(t["Heading_History"]));
        body.AddRange(History(view, format));
        body.Add(CardParts.Heading(t["Heading_Audit"]));
        body.AddRange(c.History.TakeLast(MaxAuditLines).Select(e => new AdaptiveTextBlock
        {
            Text = t.Format("Event_Line", format.Timestamp(e.At), EventText(e, format)),
            Wrap = true,
            Size = AdaptiveTextSize.Small,
            Spacing = AdaptiveSpacing.Small,
        }));

        var data = new SuspensionCardData(c.TenantId, c.CaseId);
        var actions = new List<AdaptiveAction>();
        if (view.WithActions && c.AwaitsDecision)
        {
            body.Add(new AdaptiveDateInput
            {
                Id = SuspensionVerbs.UntilInput,
                Label = t["Postpone_Label"],
                IsRequired = true,
                ErrorMessage = t["Postpone_Error"],
                Min = view.Today.AddDays(1),
                Max = view.Today.AddDays(MaxPostponeDays),
                Value = view.Today.AddDays(DefaultPostponeDays),
                Spacing = AdaptiveSpacing.Medium,
            });
            actions.Add(new AdaptiveExecuteAction { Title = t["Action_Approve"], Verb = SuspensionVerbs.Approve, Data = data, Style = AdaptiveActionStyle.Destructive, AssociatedInputs = AdaptiveAssociatedInputs.None });
            actions.Add(new AdaptiveExecuteAction { Title = t["Action_Postpone"], Verb = SuspensionVerbs.Postpone, Data = data, AssociatedInputs = AdaptiveAssociatedInputs.Auto });
        }

        var card = CardParts.Card(body, actions, t.Format("Approval_Fallback", view.Customer.Name, status), format.Language);
        return card with
        {
            Refresh = new AdaptiveRefresh
            {
                Action = new AdaptiveExecuteAction { Verb = SuspensionVerbs.Refresh, Data = data },
                UserIds = view.RefreshUserIds.Count > 0 ? [.. view.RefreshUserIds] : null,
            },
        };
    }

    /// <summary>The case's state in a sentence, with who decided and when, and its colour.</summary>
    public static (string Text, AdaptiveTextColor Color) Status(SuspensionCase c, SuspensionFormat format)
    {
        var t = format.Texts;
        var decision = c.LastDecision;
        var by = MarkdownText.Escape(decision?.ByName);
        var at = decision is null ? string.Empty : format.Timestamp(decision.At);
        return c.State switch
        {
            SuspensionState.Requested => (t["Status_Requested"], AdaptiveTextColor.Warning),
            SuspensionState.Postponed => (t.Format("Status_Postponed", c.PostponedUntil is { } until ? format.Billing.Date(until) : string.Empty), AdaptiveTextColor.Default),
            SuspensionState.Approved => (t.Format("Status_Approved", by, at), AdaptiveTextColor.Attention),
            SuspensionState.Suspended => (t.Format("Status_Suspended", by, at), AdaptiveTextColor.Attention),
            SuspensionState.Restored => (t.Format("Status_Restored", format.Timestamp(c.Last(SuspensionEventKind.Restored)?.At ?? c.RequestedAt)), AdaptiveTextColor.Good),
            _ => (t.Format("Status_Withdrawn", format.Timestamp(c.Last(SuspensionEventKind.Withdrawn)?.At ?? c.RequestedAt)), AdaptiveTextColor.Good),
        };
    }

    /// <summary>An audit event in words; its detail is data (an invoice, a date, an order id, a count), never an amount.</summary>
    public static string EventText(SuspensionEvent e, SuspensionFormat format)
    {
        var t = format.Texts;
        var detail = e.Detail ?? string.Empty;
        return e.Kind switch
        {
            SuspensionEventKind.Postponed => t.Format("Event_Postponed", MarkdownText.Escape(e.ByName), DateOnly.TryParseExact(detail, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) ? format.Billing.Date(until) : detail),
            SuspensionEventKind.Approved => t.Format("Event_Approved", MarkdownText.Escape(e.ByName)),
            _ => t.Format("Event_" + e.Kind, MarkdownText.Escape(detail)),
        };
    }

    private static List<AdaptiveFact> Facts(ApprovalView view, SuspensionFormat format)
    {
        var t = format.Texts;
        var b = format.Billing;
        var facts = new List<AdaptiveFact>
        {
            new(t["Fact_Customer"], MarkdownText.Escape(view.Customer.Name)),
            new(t["Fact_Tenant"], view.Customer.TenantId),
            new(t["Fact_Case"], view.Case.CaseId),
        };
        if (view.Overdue.Count > 0)
        {
            var totals = view.Overdue.GroupBy(i => i.Currency, StringComparer.Ordinal)
                .Select(g => g.Aggregate(Money.Zero(g.Key), (sum, i) => sum + i.Outstanding));
            facts.Add(new(t["Fact_OverdueTotal"], string.Join(" + ", totals.Select(b.Money))));
            facts.Add(new(t["Fact_DaysOverdue"], b.Days(view.Overdue.Max(i => i.DaysPastDueOn(view.Today)))));
            facts.Add(new(t["Fact_SuspendableFrom"], b.Date(view.Policy.SuspensionDate(view.Overdue.Min(i => i.DueDate)))));
        }

        facts.Add(new(t["Fact_Requested"], format.Timestamp(view.Case.RequestedAt)));
        return facts;
    }

    private static AdaptiveTable InvoiceRows(ApprovalView view, SuspensionFormat format)
    {
        var t = format.Texts;
        var b = format.Billing;
        var rows = new List<AdaptiveTableRow>
        {
            new() { Cells = [CardParts.Cell(t["Column_Number"]), CardParts.Cell(t["Column_Due"]), CardParts.Cell(t["Column_Outstanding"]), CardParts.Cell(t["Column_DaysOverdue"])] },
        };
        rows.AddRange(view.Overdue.Take(MaxInvoices).Select(i => new AdaptiveTableRow
        {
            Cells =
            [
                CardParts.Cell(i.Number),
                CardParts.Cell(b.ShortDate(i.DueDate)),
                CardParts.Cell(b.Money(i.Outstanding)),
                CardParts.Cell(i.DaysPastDueOn(view.Today).ToString(format.Culture), AdaptiveTextColor.Attention),
            ],
        }));
        return new AdaptiveTable
        {
            Columns =
            [
                new() { Width = AdaptiveTableColumnWidth.Weight(3) },
                new() { Width = AdaptiveTableColumnWidth.Weight(2) },
                new() { Width = AdaptiveTableColumnWidth.Weight(2), HorizontalCellContentAlignment = AdaptiveHorizontalAlignment.Right },
                new() { Width = AdaptiveTableColumnWidth.Weight(2), HorizontalCellContentAlignment = AdaptiveHorizontalAlignment.Right },
            ],
            Rows = rows,
            FirstRowAsHeader = true,
            ShowGridLines = false,
        };
    }

    private static IEnumerable<AdaptiveElement> History(ApprovalView view, SuspensionFormat format)
    {
        var t = format.Texts;
        if (view.History.Count == 0)
        {
            yield return CardParts.Text(t["History_None"], subtle: true);
            yield break;
        }

        var shown = view.History.OrderBy(h => h.SentAt).TakeLast(MaxHistory).ToList();
        var rows = new List<AdaptiveTableRow>
        {
            new() { Cells = [CardParts.Cell(t["Column_Sent"]), CardParts.Cell(t["Column_Number"]), CardParts.Cell(t["Column_Reminder"]), CardParts.Cell(t["Column_To"])] },
        };
        rows.AddRange(shown.Select(h => new AdaptiveTableRow
        {
            Cells =
            [
                CardParts.Cell(format.Timestamp(h.SentAt)),
                CardParts.Cell(h.InvoiceNumber ?? "–"),
                CardParts.Cell(t["Kind_" + h.Kind]),
                CardParts.Cell(MarkdownText.Escape(view.Customer.FindContact(h.RecipientObjectId)?.Name ?? h.RecipientObjectId)),
            ],
        }));
        yield return new AdaptiveTable
        {
            Columns =
            [
                new() { Width = AdaptiveTableColumnWidth.Weight(3) },
                new() { Width = AdaptiveTableColumnWidth.Weight(3) },
                new() { Width = AdaptiveTableColumnWidth.Weight(3) },
                new() { Width = AdaptiveTableColumnWidth.Weight(3) },
            ],
            Rows = rows,
            FirstRowAsHeader = true,
            ShowGridLines = false,
        };
        if (view.History.Count > shown.Count)
        {
            yield return CardParts.Text(t.Format("History_More", shown.Count, view.History.Count), subtle: true);
        }
    }
}
