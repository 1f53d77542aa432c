using System.Collections.Concurrent;
using BillingBot.App.Touchpoints;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Touchpoints;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Storage.Reminders;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Reminders;

/// <summary>
/// Delivers one reminder to one recipient exactly once across instances and crashes: claim it in the ledger, read its
/// invoice again (a payment since planning sends nothing), send it, and record the activity id at once.
/// </summary>
/// <remarks>
/// Teams has no idempotent send, so one window is unavoidable: Teams accepted the message and this instance died (or
/// lost its answer: a timeout, a reset connection) before the ledger recorded it. The claim then expires and another
/// instance sends the reminder again: a duplicate, never a loss. The window is kept to the one ledger write after the
/// send; that write does not observe the sweep's cancellation, and when storage refuses it the outcome is kept in memory
/// and written again at the next sweep, well before the claim expires, so only a dead process leaves it open.
/// </remarks>
public sealed partial class ReminderDeliverer(
    TableReminderLedger ledger,
    IInvoiceRepository invoices,
    ReminderConversations conversations,
    IConnectorClient connector,
    IReminderMessageFactory messages,
    ISuspensionWorkflow suspensions,
    IBillingTeamNotifier billingTeam,
    ReminderSweepHooks hooks,
    TouchpointRecorder touchpoints,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderDeliverer> logger)
{
    private readonly ConcurrentDictionary<string, (ReminderLedgerEntry Claim, ReminderSentTo? SentTo)> _unrecorded = new(StringComparer.Ordinal);

    /// <summary>Claims, checks, sends and records one delivery; a delivery already handled or claimed elsewhere is left alone.</summary>
    public async Task<ReminderDeliveryOutcome> DeliverAsync(ReminderDelivery delivery, Customer customer, ReminderSweepTally tally, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(customer);
        var settings = options.Value;
        var attempt = await ledger.ClaimAsync(delivery, settings.InstanceId!, settings.ClaimTimeout, cancellationToken).ConfigureAwait(false);
        if (attempt.Claimed is not { } claim)
        {
            return attempt.IsDone ? ReminderDeliveryOutcome.Done : ReminderDeliveryOutcome.Busy;
        }

        tally.Claimed(takenOver: claim.Claims > 1);
        if (claim.Claims > 1)
        {
            Log.TakenOver(logger, delivery.Id, claim.Claims);
        }

        await hooks.AfterClaimAsync(claim, cancellationToken).ConfigureAwait(false);
        try
        {
            var reminder = delivery.Reminder;
            Invoice? invoice = null;
            if (reminder.InvoiceNumber is { } number)
            {
                // The plan was made from an earlier read: a payment recorded since then must stop the reminder.
                invoice = await invoices.FindAsync(reminder.TenantId, number, cancellationToken).ConfigureAwait(false);
                if (NotOwed(reminder.Kind, invoice, customer.LocalDate(time.GetUtcNow())) is { } reason)
                {
                    await ledger.RecordSkippedAsync(claim, reason, cancellationToken).ConfigureAwait(false);
                    tally.Skipped();
                    Log.Skipped(logger, delivery.Id, reason);
                    return ReminderDeliveryOutcome.Skipped;
                }
            }

            return delivery.Recipient is not { } recipient
                ? await RequestApprovalAsync(claim, customer, invoice!, tally, cancellationToken).ConfigureAwait(false)
                : await SendAsync(claim, recipient, customer, invoice, tally, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (!ex.IsConversationGone)
        {
            // Timeouts, 5xx and 429 after the connector's own retries: the claim expires and a later sweep tries again.
            tally.Failed();
            Log.SendFailed(logger, delivery.Id, (int?)ex.StatusCode, ex.ErrorCode);
            return ReminderDeliveryOutcome.Failed;
        }
        catch (StorageUnavailableException ex)
        {
            tally.Failed();
            Log.StorageFailed(logger, delivery.Id, ex);
            return ReminderDeliveryOutcome.Failed;
        }
        catch (ConcurrencyConflictException)
        {
            // Our claim was taken over before we recorded an outcome that sent nothing.
            tally.ClaimLost();
            Log.ClaimLost(logger, delivery.Id);
            return ReminderDeliveryOutcome.ClaimLost;
        }
    }

    /// <summary>Writes the outcomes that storage refused after their reminder was sent; their claims are still ours.</summary>
    public async Task RecordUnrecordedAsync(ReminderSweepTally tally, CancellationToken cancellationToken)
    {
        foreach (var (id, (claim, sentTo)) in _unrecorded.ToArray())
        {
            cancellationToken.ThrowIfCancellationRequested();
            _unrecorded.TryRemove(id, out _);
            await RecordSentAsync(claim, sentTo, tally).ConfigureAwait(false);
        }
    }

    /// <summary>Why a reminder about an invoice must not go now, or null when it still may.</summary>
    public static string? NotOwed(ReminderKind kind, Invoice? invoice, DateOnly today)
    {
        if (invoice is null)
        {
            return "Deleted";
        }

        var status = invoice.StatusOn(today);
        var dunning = kind is ReminderKind.Overdue or ReminderKind.SuspensionWarning or ReminderKind.Suspension;
        return status is InvoiceStatus.Paid or InvoiceStatus.Cancelled || (dunning && status != InvoiceStatus.Overdue)
            ? status.ToString()
            : null;
    }

    private async Task<ReminderDeliveryOutcome> SendAsync(ReminderLedgerEntry claim, ReminderRecipient recipient, Customer customer, Invoice? invoice, ReminderSweepTally tally, CancellationToken cancellationToken)
    {
        var reminder = claim.Delivery.Reminder;
        ReminderConversation conversation;
        try
        {
            conversation = await conversations.ResolveAsync(reminder.TenantId, recipient.ObjectId, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.IsConversationGone)
        {
            return await GoneAsync(claim, recipient, customer, null, ex.ErrorCode, tally, cancellationToken).ConfigureAwait(false);
        }

        if (conversation.Status == ReminderConversationStatus.Inactive)
        {
            // The billing team was told when it went inactive; this reminder is only recorded, never retried.
            await ledger.RecordUndeliverableAsync(claim, "Inactive", cancellationToken).ConfigureAwait(false);
            tally.Undeliverable();
            return ReminderDeliveryOutcome.Undeliverable;
        }

        if (conversation.Reference is not { } stored)
        {
            // No chat and no service URL to open one: the claim expires and a later sweep tries again.
            tally.Failed();
            Log.NoConversation(logger, claim.Delivery.Id);
            return ReminderDeliveryOutcome.Failed;
        }

        var reference = stored.Reference;
        var activity = messages.Create(reminder, recipient, customer, invoice, time.GetUtcNow());
        activity.ApplyConversationReference(reference);
        // A reminder is a new message in the chat, not a reply to whatever the reference last saw.
        activity.ReplyToId = null;
        var serviceUrl = reference.ServiceUrl!;
        var conversationId = reference.Conversation!.Id!;
        ResourceResponse accepted;
        try
        {
            accepted = await connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.IsConversationGone)
        {
            return await GoneAsync(claim, recipient, customer, stored, ex.ErrorCode, tally, cancellationToken).ConfigureAwait(false);
        }

        // The unavoidable window opens: Teams has the message and only the record below says so.
        await hooks.AfterSendAsync(claim, cancellationToken).ConfigureAwait(false);
        var recorded = await RecordSentAsync(claim, new ReminderSentTo(accepted?.Id, conversationId, serviceUrl), tally).ConfigureAwait(false);
        await touchpoints.RecordAsync(reminder.TenantId, TouchpointKind.Reminder, reminder.Kind.ToString(), CancellationToken.None).ConfigureAwait(false);
        tally.Sent();
        Log.Sent(logger, claim.Delivery.Id, claim.Claims);
        return recorded;
    }

    private async Task<ReminderDeliveryOutcome> RequestApprovalAsync(ReminderLedgerEntry claim, Customer customer, Invoice invoice, ReminderSweepTally tally, CancellationToken cancellationToken)
    {
        await suspensions.RequestApprovalAsync(claim.Delivery.Reminder, customer, invoice, cancellationToken).ConfigureAwait(false);
        // The same window as a send: the approval was requested and only the record below says so.
        await hooks.AfterSendAsync(claim, cancellationToken).ConfigureAwait(false);
        var recorded = await RecordSentAsync(claim, null, tally).ConfigureAwait(false);
        tally.ApprovalRequested();
        Log.ApprovalRequested(logger, claim.Delivery.Id);
        return recorded == ReminderDeliveryOutcome.Sent ? ReminderDeliveryOutcome.ApprovalRequested : recorded;
    }

    private async Task<ReminderDeliveryOutcome> RecordSentAsync(ReminderLedgerEntry claim, ReminderSentTo? sentTo, ReminderSweepTally tally)
    {
        try
        {
            // Not the sweep's token: a shutdown that began during the send must not leave it unrecorded.
            await ledger.RecordSentAsync(claim, sentTo, CancellationToken.None).ConfigureAwait(false);
            return ReminderDeliveryOutcome.Sent;
        }
        catch (ConcurrencyConflictException)
        {
            // Our claim outlived the timeout and another instance took it over: it may send this reminder again.
            tally.ClaimLost();
            Log.ClaimLost(logger, claim.Delivery.Id);
            return ReminderDeliveryOutcome.ClaimLost;
        }
        catch (StorageUnavailableException ex)
        {
            _unrecorded[claim.Delivery.Id] = (claim, sentTo);
            tally.OutcomePending();
            Log.OutcomePending(logger, claim.Delivery.Id, ex);
            return ReminderDeliveryOutcome.Unrecorded;
        }
    }

    private async Task<ReminderDeliveryOutcome> GoneAsync(ReminderLedgerEntry claim, ReminderRecipient recipient, Customer customer, StoredConversationReference? known, string? code, ReminderSweepTally tally, CancellationToken cancellationToken)
    {
        var reason = code ?? "Forbidden";
        var contact = customer.FindContact(recipient.ObjectId);
        var texts = ReminderTexts.For(options.Value.BillingTeamLanguage);
        // Told before the reference goes inactive: if this instance dies in between, the retry tells them again rather than never.
        await billingTeam.NotifyAsync(
            new BillingTeamNotice(
                customer.TenantId,
                texts["UnreachableSubject"],
                texts.Format("UnreachableDetails", contact?.Name ?? recipient.ObjectId, contact?.Email ?? recipient.ObjectId, customer.Name, reason)),
            cancellationToken).ConfigureAwait(false);
        await conversations.MarkGoneAsync(customer.TenantId, recipient.ObjectId, known, cancellationToken).ConfigureAwait(false);
        await ledger.RecordUndeliverableAsync(claim, reason, cancellationToken).ConfigureAwait(false);
        tally.Undeliverable();
        Log.Gone(logger, claim.Delivery.Id, reason);
        return ReminderDeliveryOutcome.Undeliverable;
    }

    private static partial class Log
    {
        [LoggerMessage(6201, LogLevel.Information, "Reminder {DeliveryId} sent (claim {Claims})")]
        public static partial void Sent(ILogger logger, string deliveryId, int claims);

        [LoggerMessage(6202, LogLevel.Information, "Reminder {DeliveryId} skipped: the invoice is {Reason}")]
        public static partial void Skipped(ILogger logger, string deliveryId, string reason);

        [LoggerMessage(6203, LogLevel.Warning, "Reminder {DeliveryId} cannot be delivered: Teams answered {ErrorCode}; the contact is marked inactive and the billing team told")]
        public static partial void Gone(ILogger logger, string deliveryId, string errorCode);

        [LoggerMessage(6204, LogLevel.Warning, "Reminder {DeliveryId} was not sent (status {Status}, code {ErrorCode}); a later sweep retries it once its claim expires")]
        public static partial void SendFailed(ILogger logger, string deliveryId, int? status, string? errorCode);

        [LoggerMessage(6205, LogLevel.Warning, "Reminder {DeliveryId} was not finished: storage is unavailable; a later sweep retries it once its claim expires")]
        public static partial void StorageFailed(ILogger logger, string deliveryId, Exception exception);

        [LoggerMessage(6206, LogLevel.Warning, "Reminder {DeliveryId} was sent but its record failed; it is written again at the next sweep")]
        public static partial void OutcomePending(ILogger logger, string deliveryId, Exception exception);

        [LoggerMessage(6207, LogLevel.Error, "The claim on reminder {DeliveryId} was taken over by another instance before its outcome was recorded; it may be sent twice")]
        public static partial void ClaimLost(ILogger logger, string deliveryId);

        [LoggerMessage(6208, LogLevel.Warning, "Took over the stale claim on reminder {DeliveryId} (claim {Claims}): its instance stopped before recording it")]
        public static partial void TakenOver(ILogger logger, string deliveryId, int claims);

        [LoggerMessage(6209, LogLevel.Warning, "Reminder {DeliveryId} waits: no chat with the contact is known and no service URL is configured to open one")]
        public static partial void NoConversation(ILogger logger, string deliveryId);

        [LoggerMessage(6210, LogLevel.Information, "Suspension approval requested for {DeliveryId}")]
        public static partial void ApprovalRequested(ILogger logger, string deliveryId);
    }
}
