using System.Text;
using BillingBot.App.Conversations;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Support;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Escalations;

/// <summary>
/// What the customer reads about tickets in the chat: the confirmation when one opens, and where their tickets stand
/// ("status of T-2026-0007", "my tickets"). Every read is keyed by the caller's tenant, so another tenant's number is
/// simply not found.
/// </summary>
public sealed class TicketAnswers(ITickets tickets, SupportOffer support)
{
    /// <summary>The closed tickets listed after the open ones.</summary>
    public const int ClosedShown = 3;

    /// <summary>The open tickets listed at most, newest first.</summary>
    public const int OpenShown = 10;

    /// <summary>The caller's way of reading tickets: their language (or the one given), their customer's time zone.</summary>
    public static TicketFormat Format(Caller caller, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var zone = caller.Customer is { } customer && TimeZoneInfo.TryFindSystemTimeZoneById(customer.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return new TicketFormat(language is null ? caller.Culture : CallerResolver.CultureOf(language), zone);
    }

    /// <summary>The answer to a status question: the tickets the message names, else the caller's open tickets and the latest closed ones.</summary>
    public async Task<IReadOnlyList<Activity>> StatusAsync(Caller caller, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var customer = caller.Customer ?? throw new InvalidOperationException("Only a customer has tickets.");
        var f = Format(caller);
        var t = f.Texts;
        var named = TicketNumbers.Find(text);
        var parts = new List<string>();
        if (named.Count > 0)
        {
            foreach (var number in named)
            {
                var ticket = await tickets.FindAsync(customer.TenantId, number, cancellationToken).ConfigureAwait(false);
                parts.Add(ticket is null ? t.Format("Status_NotFound", MarkdownText.Escape(number), MarkdownText.Escape(customer.Name)) : Describe(ticket, caller.Now, f));
            }

            return Markdown(string.Join("\n\n", parts));
        }

        var all = await tickets.ForCustomerAsync(customer.TenantId, cancellationToken).ConfigureAwait(false);
        if (all.Count == 0)
        {
            return Markdown(t["Status_NoTickets"]);
        }

        var open = all.Where(x => x.IsOpen).OrderByDescending(x => x.OpenedAt).ToList();
        var closed = all.Where(x => !x.IsOpen).OrderByDescending(x => x.OpenedAt).Take(ClosedShown).ToList();
        if (open.Count == 1)
        {
            parts.Add(Describe(open[0], caller.Now, f));
        }
        else if (open.Count > 1)
        {
            parts.Add(t.Format("Status_OpenList", string.Join("\n", open.Take(OpenShown).Select(x => "- " + Line(x, f)))));
            if (open.Count > OpenShown)
            {
                parts.Add(t.Format("Status_More", open.Count - OpenShown));
            }
        }
        else
        {
            parts.Add(t["Status_NoneOpen"]);
        }

        if (closed.Count > 0)
        {
            parts.Add(t.Format("Status_ClosedList", string.Join("\n", closed.Select(x => "- " + Line(x, f)))));
        }

        parts.Add(t["Status_AskByNumber"]);
        return Markdown(string.Join("\n\n", parts));
    }

    /// <summary>
    /// The confirmation of a ticket just opened: its number, the plan's response target, when people answer (outside
    /// hours: when they are back), that dunning pauses for a dispute, and how to ask for its status.
    /// </summary>
    public IReadOnlyList<Activity> Opened(Ticket ticket, Customer customer, DateTimeOffset now, TicketFormat format)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var lines = new List<string> { t.Format("Opened_Number", ticket.Number, Subject(ticket, format)) };
        var promise = support.PlanOffer(ticket.Plan);
        var open = support.Hours.IsOpen(now) || support.Hours.NextOpening(now) is null;
        if (promise is not null && open && ticket.ResponseDueBy is { } due)
        {
            lines.Add(t.Format("Opened_Target", ticket.Plan, format.Within(promise.ResponseTimeTarget), format.Timestamp(due)));
        }
        else if (promise is not null)
        {
            lines.Add(t.Format("Opened_TargetOnly", ticket.Plan, format.Within(promise.ResponseTimeTarget)));
        }

        lines.Add(open
            ? t["Opened_DeskOpen"]
            : t.Format("Opened_DeskClosed", format.Timestamp(support.Hours.NextOpening(now)!.Value)));
        if (ticket.Category == TicketCategory.InvoiceDispute && ticket.InvoiceNumbers.Count > 0)
        {
            lines.Add(t.Format("Opened_DunningPaused", string.Join(", ", ticket.InvoiceNumbers)));
        }

        lines.Add(t.Format("Opened_AskStatus", ticket.Number));
        return Markdown(string.Join("\n\n", lines));
    }

    /// <summary>One ticket in full: status, who works on it, Microsoft's case when it is there, when it was opened.</summary>
    public static string Describe(Ticket ticket, DateTimeOffset now, TicketFormat format)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var text = new StringBuilder();
        text.Append(t.Format("Status_Header", ticket.Number, Subject(ticket, format), format.Status(ticket.Status)));
        var agent = MarkdownText.Escape(ticket.AssignedToName);
        var detail = ticket.Status switch
        {
            TicketStatus.New when ticket.ResponseDueBy is { } due && due > now => t.Format("Detail_NewDue", format.Timestamp(due)),
            TicketStatus.New => t["Detail_New"],
            TicketStatus.InProgress => t.Format("Detail_WorkedOnBy", agent),
            TicketStatus.WaitingForCustomer => t.Format("Detail_WaitingForYou", agent),
            TicketStatus.EscalatedToMicrosoft => t.Format("Detail_WithMicrosoft", format.Route(ticket.Microsoft!.Route), MarkdownText.Escape(ticket.Microsoft.CaseNumber), MarkdownText.Escape(ticket.Microsoft.Status), agent),
            TicketStatus.Resolved => t.Format("Detail_ResolvedBy", ticket.Last(TicketEventKind.Resolved)?.ByName is { } resolver ? MarkdownText.Escape(resolver) : agent, format.Timestamp(ticket.Last(TicketEventKind.Resolved)?.At ?? now)),
            _ => t.Format("Detail_ClosedOn", format.Timestamp(ticket.Last(TicketEventKind.Closed)?.At ?? now)),
        };
        text.Append(' ').Append(detail);
        text.Append(' ').Append(t.Format("Detail_OpenedOn", format.Timestamp(ticket.OpenedAt)));
        return text.ToString();
    }

    private static string Line(Ticket ticket, TicketFormat format)
    {
        var status = format.Status(ticket.Status);
        var who = ticket.Status == TicketStatus.EscalatedToMicrosoft
            ? format.Texts.Format("Status_LineMicrosoft", MarkdownText.Escape(ticket.Microsoft!.CaseNumber))
            : ticket.AssignedToName is { } assigned ? MarkdownText.Escape(assigned) : null;
        return format.Texts.Format("Status_Line", ticket.Number, Subject(ticket, format), who is null ? status : status + " (" + who + ")");
    }

    /// <summary>The category, with the invoices when there are any: "Invoice dispute, FV/2026/10/017".</summary>
    private static string Subject(Ticket ticket, TicketFormat format) =>
        ticket.InvoiceNumbers.Count == 0 ? format.Category(ticket.Category) : format.Category(ticket.Category) + ", " + string.Join(", ", ticket.InvoiceNumbers);

    private static IReadOnlyList<Activity> Markdown(string text)
    {
        var message = ActivityExtensions.CreateMessage(text);
        message.TextFormat = "markdown";
        return [message];
    }
}
