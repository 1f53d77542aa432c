using BillingBot.App.Escalations.Cards;
using BillingBot.App.Suspensions;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Support;
using BillingBot.Billing.Touchpoints;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Escalations;

/// <summary>
/// The partner's ticket desk. Opening a ticket gives it the next readable number of the customer ("T-2026-0007"),
/// stores it with the response target of the customer's plan, records the touchpoint, holds back the dunning of the
/// invoices a dispute names, and gets it to the agents: its card goes to the agents' channel while the support desk is
/// open; outside hours it waits, and <see cref="TicketDispatcher"/> posts it when the desk opens. Agents' changes go
/// through <see cref="ChangeAsync"/>, which tells the customer's person who opened the ticket, updates the card for
/// everyone, and ends the dispute's hold when the ticket is resolved.
/// </summary>
/// <remarks>
/// <para><b>Numbers.</b> The next number follows the customer's highest of the year; two instances opening at once
/// propose the same one, the store keeps the first (Changed false) and the other takes the next.</para>
/// <para><b>Posting, once, never lost.</b> A ticket stays "awaiting posting" until its card is recorded. An instance
/// claims the posting on the ticket (ETag-conditional), posts, and records the card; a post the channel refuses gives
/// the claim back, and the dispatcher tries again on its next round. At-least-once window: an instance that dies (or
/// takes longer than Escalations:PostingClaimTimeout) after Teams accepted the card and before it was recorded leaves
/// the claim to expire, and the card is posted a second time.</para>
/// <para><b>Notices, at most once.</b> The instance whose change won tells the customer; dying between the change and
/// the notice loses that notice (the customer still sees the status when they ask).</para>
/// </remarks>
public sealed partial class TicketDesk(
    ITickets tickets,
    ICustomerRepository customers,
    IReminderControls controls,
    ITouchpoints touchpoints,
    SupportOffer support,
    AgentsChannel channel,
    TicketCards cards,
    TicketNotices notices,
    AdaptiveCardSerializer serializer,
    TimeProvider time,
    IOptions<TicketOptions> options,
    ILogger<TicketDesk> logger)
{
    // Far more than instances that could race for one customer's next number.
    private const int MaxNumberAttempts = 50;

    /// <summary>This instance's name in posting claims: unique per process, so two instances never mistake each other's claims.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Opens a ticket (in the customer's locale for their notices); see the class remarks.</summary>
    public Task<Ticket> OpenAsync(TicketRequest request, CancellationToken cancellationToken) => OpenAsync(request, null, cancellationToken);

    /// <summary>Opens a ticket whose notices speak <paramref name="language"/> ("pl" or "en"; null for the customer's locale).</summary>
    public async Task<Ticket> OpenAsync(TicketRequest request, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await customers.FindAsync(request.TenantId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Tenant {request.TenantId} is not a customer; only customers open tickets.");
        var existing = await tickets.ForCustomerAsync(customer.TenantId, cancellationToken).ConfigureAwait(false);
        if (request.HandoffId is { } handoffId && existing.FirstOrDefault(t => t.HandoffId == handoffId) is { } already)
        {
            // The same hand-off asked again (a retry): it has its ticket.
            return already;
        }

        var now = time.GetUtcNow();
        var year = customer.LocalDate(now).Year;
        var sequence = TicketNumbers.NextSequence(existing.Select(t => t.Number), year);
        Ticket? opened = null;
        for (var attempt = 1; opened is null; attempt++, sequence++)
        {
            var proposed = Ticket.Open(customer.TenantId, TicketNumbers.Format(year, sequence), request.Category, request.Severity, request.Description,
                request.InvoiceNumbers, customer.SupportPlan, support, request.OpenedByObjectId, now, request.HandoffId) with { Language = language };
            var outcome = await tickets.OpenAsync(proposed, cancellationToken).ConfigureAwait(false);
            if (outcome.Changed)
            {
                opened = outcome.Ticket;
            }
            else if (attempt >= MaxNumberAttempts)
            {
                throw new InvalidOperationException($"No free ticket number for tenant {customer.TenantId} after {attempt} attempts.");
            }
        }

        Log.Opened(logger, opened.TenantId, opened.Number, opened.Category.ToString(), opened.Severity.ToString());
        try
        {
            await touchpoints.RecordAsync(new Touchpoint(opened.TenantId, TouchpointKind.Ticket, opened.Category.ToString(), now), cancellationToken).ConfigureAwait(false);
            return await DispatchAsync(opened, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The ticket is stored: the customer gets its number, and the dispatcher gets it to the agents (holds included).
            Log.DispatchDeferred(logger, opened.TenantId, opened.Number, ex);
            return opened;
        }
    }

    /// <summary>
    /// Gets an open ticket to the agents: keeps its dispute holds and, while the desk is open, posts its card (one
    /// instance of several, by claim). Outside hours, or when the channel refuses, it stays awaiting posting.
    /// </summary>
    public async Task<Ticket> DispatchAsync(Ticket ticket, CancellationToken cancellationToken) =>
        (await TryDispatchAsync(ticket, cancellationToken).ConfigureAwait(false)).Ticket;

    /// <summary>
    /// While the desk is open, posts every new ticket the agents have not got yet; returns how many this instance posted.
    /// Outside hours it reads nothing. One ticket's failure does not stop the others.
    /// </summary>
    public async Task<int> DispatchWaitingAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!IsDeskOpen(now))
        {
            return 0;
        }

        var posted = 0;
        var timeout = options.Value.PostingClaimTimeout;
        foreach (var ticket in await tickets.WithStatusAsync(TicketStatus.New, cancellationToken).ConfigureAwait(false))
        {
            if (!ticket.CanClaimPosting(now, timeout))
            {
                continue;
            }

            try
            {
                if ((await TryDispatchAsync(ticket, cancellationToken).ConfigureAwait(false)).Posted)
                {
                    posted++;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Log.DispatchFailed(logger, ticket.TenantId, ticket.Number, ex);
            }
        }

        return posted;
    }

    /// <summary>
    /// Applies an agent's (or the customer's) change: <paramref name="decide"/> gets the ticket as stored and returns it
    /// changed, or null when the step is no longer valid (someone else was faster). When it changed: the dispute's holds
    /// follow the ticket, the customer is told, and the card in the agents' channel shows the new state. Null when there
    /// is no such ticket.
    /// </summary>
    public async Task<TicketOutcome?> ChangeAsync(string tenantId, string number, Func<Ticket, Ticket?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        Ticket? before = null;
        var outcome = await tickets.UpdateAsync(tenantId, number, t =>
        {
            before = t;
            return decide(t);
        }, cancellationToken).ConfigureAwait(false);
        if (outcome is not { Changed: true } || before is null)
        {
            return outcome;
        }

        var after = outcome.Ticket;
        Log.Changed(logger, after.TenantId, after.Number, after.Status.ToString());
        await KeepHoldsAsync(after, cancellationToken).ConfigureAwait(false);
        var customer = await customers.FindAsync(after.TenantId, cancellationToken).ConfigureAwait(false);
        var untold = new List<TicketEvent>();
        foreach (var change in after.History.Skip(before.History.Count).Where(e => TicketNoticeCard.IsNotified(e.Kind)))
        {
            var format = TicketCards.CustomerFormat(after, customer);
            if (!await notices.TellAsync(after.TenantId, after.OpenedByObjectId, TicketCards.Notice(after, change, customer), format.Language, cancellationToken).ConfigureAwait(false))
            {
                untold.Add(change);
            }
        }

        await RefreshCardAsync(after, customer, cancellationToken).ConfigureAwait(false);
        if (untold.Count > 0)
        {
            await AskAgentsToTellAsync(after, customer, untold, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>Writes into the ticket's thread in the agents' channel (the card's replies); false when it has no card or the channel refused.</summary>
    public async Task<bool> ReplyInThreadAsync(Ticket ticket, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.AgentsCard is not { } card)
        {
            return false;
        }

        var message = ActivityExtensions.CreateMessage(text);
        message.TextFormat = "markdown";
        return await channel.ReplyInThreadAsync(AgentsChannel.ThreadOf(card), message, "a note on ticket " + ticket.Number, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Whether people are at the desk now; a desk that publishes no hours at all is taken as always open, so tickets are never stuck.</summary>
    public bool IsDeskOpen(DateTimeOffset now) => support.Hours.IsOpen(now) || support.Hours.NextOpening(now) is null;

    private async Task<(Ticket Ticket, bool Posted)> TryDispatchAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await KeepHoldsAsync(ticket, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (!ticket.AwaitsPosting || !IsDeskOpen(now))
        {
            return (ticket, false);
        }

        if (await channel.TargetAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            // No agents' channel is picked or configured: nothing to claim; the dispatcher tries again.
            Log.Kept(logger, ticket.TenantId, ticket.Number);
            return (ticket, false);
        }

        var timeout = options.Value.PostingClaimTimeout;
        var claimed = await tickets.UpdateAsync(ticket.TenantId, ticket.Number, t => t.CanClaimPosting(now, timeout) ? t.ClaimPosting(InstanceId, now) : null, cancellationToken).ConfigureAwait(false);
        if (claimed is not { Changed: true })
        {
            // Posted meanwhile, or another instance is posting it.
            return (claimed?.Ticket ?? ticket, false);
        }

        var customer = await customers.FindAsync(ticket.TenantId, cancellationToken).ConfigureAwait(false);
        var card = await cards.AgentsCardAsync(claimed.Ticket, customer, withActions: true, cancellationToken).ConfigureAwait(false);
        var posted = await channel.PostAsync(serializer.CreateMessage(card, card.FallbackText), "ticket " + ticket.Number, cancellationToken).ConfigureAwait(false);
        if (posted is null)
        {
            Log.Kept(logger, ticket.TenantId, ticket.Number);
            var released = await tickets.UpdateAsync(ticket.TenantId, ticket.Number, t => t.ReleasePosting(InstanceId), cancellationToken).ConfigureAwait(false);
            return (released?.Ticket ?? claimed.Ticket, false);
        }

        var recorded = await tickets.UpdateAsync(ticket.TenantId, ticket.Number, t => t.AgentsCard is null ? t.PostedToAgents(posted) : null, cancellationToken).ConfigureAwait(false);
        Log.Posted(logger, ticket.TenantId, ticket.Number);
        return (recorded?.Ticket ?? claimed.Ticket, true);
    }

    private async Task RefreshCardAsync(Ticket ticket, Customer? customer, CancellationToken cancellationToken)
    {
        if (ticket.AgentsCard is not { } posted)
        {
            return;
        }

        var card = await cards.AgentsCardAsync(ticket, customer, withActions: true, cancellationToken).ConfigureAwait(false);
        await channel.UpdateAsync(posted, serializer.CreateMessage(card, card.FallbackText), "the updated card of ticket " + ticket.Number, cancellationToken).ConfigureAwait(false);
    }

    private async Task AskAgentsToTellAsync(Ticket ticket, Customer? customer, List<TicketEvent> untold, CancellationToken cancellationToken)
    {
        var format = cards.AgentsFormat;
        var t = format.Texts;
        var contact = customer?.FindContact(ticket.OpenedByObjectId);
        var who = contact is null ? t["Agents_CustomerUser"] : t.Format("Thread_Contact", MarkdownText.Escape(contact.Name), MarkdownText.Escape(contact.Email));
        var what = string.Join(", ", untold.Select(e => format.Texts["AgentsStatus_" + StatusAfter(e.Kind)]));
        if (!await ReplyInThreadAsync(ticket, t.Format("Thread_CustomerUnreachable", who, ticket.Number, what), cancellationToken).ConfigureAwait(false))
        {
            Log.UnreachableNotPosted(logger, ticket.TenantId, ticket.Number);
        }
    }

    private static TicketStatus StatusAfter(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Started or TicketEventKind.CustomerAnswered => TicketStatus.InProgress,
        TicketEventKind.WaitingForCustomer => TicketStatus.WaitingForCustomer,
        TicketEventKind.EscalatedToMicrosoft or TicketEventKind.MicrosoftStatusUpdated => TicketStatus.EscalatedToMicrosoft,
        TicketEventKind.Resolved => TicketStatus.Resolved,
        TicketEventKind.Closed => TicketStatus.Closed,
        _ => TicketStatus.New,
    };

    /// <summary>An open dispute holds back the dunning of the invoices it names; a resolved or closed one no longer does.</summary>
    private async Task KeepHoldsAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        if (ticket.Category != TicketCategory.InvoiceDispute)
        {
            return;
        }

        foreach (var invoice in ticket.InvoiceNumbers)
        {
            if (ticket.PausesDunningOf(invoice))
            {
                await controls.SaveDisputeHoldAsync(new DisputeHold(ticket.TenantId, invoice, ticket.Number, ticket.OpenedAt), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await controls.RemoveDisputeHoldAsync(ticket.TenantId, invoice, ticket.Number, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(7310, LogLevel.Information, "Ticket {Number} opened for tenant {TenantId} ({Category}, {Severity})")]
        public static partial void Opened(ILogger logger, string tenantId, string number, string category, string severity);

        [LoggerMessage(7311, LogLevel.Information, "Ticket {Number} of tenant {TenantId} posted to the agents' channel")]
        public static partial void Posted(ILogger logger, string tenantId, string number);

        [LoggerMessage(7312, LogLevel.Warning, "Ticket {Number} of tenant {TenantId} could not be posted to the agents' channel; it is kept and tried again while the desk is open")]
        public static partial void Kept(ILogger logger, string tenantId, string number);

        [LoggerMessage(7313, LogLevel.Warning, "Ticket {Number} of tenant {TenantId} is stored but could not be dispatched now; the dispatcher tries again")]
        public static partial void DispatchDeferred(ILogger logger, string tenantId, string number, Exception exception);

        [LoggerMessage(7314, LogLevel.Error, "Ticket {Number} of tenant {TenantId} could not be dispatched this round; the next round tries again")]
        public static partial void DispatchFailed(ILogger logger, string tenantId, string number, Exception exception);

        [LoggerMessage(7315, LogLevel.Information, "Ticket {Number} of tenant {TenantId} is now {Status}")]
        public static partial void Changed(ILogger logger, string tenantId, string number, string status);

        [LoggerMessage(7316, LogLevel.Warning, "The customer could not be told of a change of ticket {Number} (tenant {TenantId}), and the agents' thread could not take the note either")]
        public static partial void UnreachableNotPosted(ILogger logger, string tenantId, string number);
    }
}
