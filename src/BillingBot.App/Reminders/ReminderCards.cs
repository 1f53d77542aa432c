using System.Net;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Storage.Reminders;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Reminders;

/// <summary>
/// Keeps sent reminder cards true to their invoice: once the invoice is paid, cancelled or disputed, the card already in
/// the chat is replaced (UpdateActivity) with the one the message factory makes for its new state, once per change.
/// Paid and cancelled are final; a disputed invoice's card may change again when the dispute ends.
/// </summary>
public sealed partial class ReminderCards(
    TableReminderLedger ledger,
    IInvoiceRepository invoiceStore,
    IConnectorClient connector,
    IReminderMessageFactory messages,
    IOptions<ReminderOptions> options,
    ILogger<ReminderCards> logger)
{
    /// <summary>
    /// Updates the customer's sent cards whose invoice changed, given the invoices as just read (at least the open ones: a
    /// card's invoice missing from them is read on its own, as it was settled or cancelled since); false when one is left
    /// for later (another instance is updating it, or the channel failed).
    /// </summary>
    public async Task<bool> UpdateAsync(Customer customer, IReadOnlyList<Invoice> invoices, DateTimeOffset now, ReminderSweepTally tally, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(invoices);
        var pending = await ledger.ListCardsPendingAsync(customer.TenantId, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return true;
        }

        var settled = true;
        var today = customer.LocalDate(now);
        var byNumber = invoices.ToDictionary(i => i.Number, StringComparer.Ordinal);
        foreach (var entry in pending)
        {
            if (entry.Delivery.Reminder.InvoiceNumber is not { } number
                || entry.Delivery.Recipient is null
                || entry.SentTo is not { ActivityId: { } activityId } sentTo)
            {
                continue;
            }

            if (!byNumber.TryGetValue(number, out var invoice))
            {
                // Not open: settled or cancelled since the card went (the card then changes once, for good), or deleted.
                if (await invoiceStore.FindAsync(customer.TenantId, number, cancellationToken).ConfigureAwait(false) is not { } read)
                {
                    continue;
                }

                byNumber[number] = invoice = read;
            }

            var status = invoice.StatusOn(today);
            InvoiceStatus? shows = status is InvoiceStatus.Paid or InvoiceStatus.Cancelled or InvoiceStatus.Disputed ? status : null;
            if (shows == entry.CardStatus)
            {
                continue;
            }

            try
            {
                settled &= await ReplaceAsync(entry, activityId, sentTo, customer, invoice, shows, now, tally, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorException ex)
            {
                // The card claim expires and a later sweep tries again.
                Log.UpdateFailed(logger, entry.Delivery.Id, (int?)ex.StatusCode, ex.ErrorCode);
                settled = false;
            }
            catch (ConcurrencyConflictException)
            {
                // Another instance changed the row meanwhile; it updates the card or a later sweep sees it.
                settled = false;
            }
        }

        return settled;
    }

    private async Task<bool> ReplaceAsync(ReminderLedgerEntry entry, string activityId, ReminderSentTo sentTo, Customer customer, Invoice invoice, InvoiceStatus? shows, DateTimeOffset now, ReminderSweepTally tally, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var claim = await ledger.TryClaimCardAsync(entry, settings.InstanceId!, settings.ClaimTimeout, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            return false;
        }

        var activity = messages.Update(entry.Delivery.Reminder, entry.Delivery.Recipient!, customer, invoice, now);
        activity.Id = activityId;
        activity.ServiceUrl = sentTo.ServiceUrl;
        activity.ChannelId ??= ReminderConversations.TeamsChannelId;
        activity.Conversation = new ConversationAccount { Id = sentTo.ConversationId, TenantId = customer.TenantId };
        try
        {
            await connector.UpdateActivityAsync(sentTo.ServiceUrl, sentTo.ConversationId, activityId, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.IsConversationGone || ex.StatusCode == HttpStatusCode.NotFound || ex.ErrorCode == TeamsErrorCodes.ActivityNotFoundInConversation)
        {
            // The chat or the message is gone: the card can no longer change, so stop trying.
            await ledger.RecordCardUpdatedAsync(claim, claim.CardStatus, isFinal: true, cancellationToken).ConfigureAwait(false);
            Log.CardGone(logger, entry.Delivery.Id, ex.ErrorCode);
            return true;
        }

        await ledger.RecordCardUpdatedAsync(claim, shows, isFinal: shows is InvoiceStatus.Paid or InvoiceStatus.Cancelled, CancellationToken.None).ConfigureAwait(false);
        tally.CardUpdated();
        Log.CardUpdated(logger, entry.Delivery.Id, shows?.ToString() ?? "Owed");
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(6221, LogLevel.Information, "The card of reminder {DeliveryId} now shows the invoice {Status}")]
        public static partial void CardUpdated(ILogger logger, string deliveryId, string status);

        [LoggerMessage(6222, LogLevel.Warning, "The card of reminder {DeliveryId} could not be updated (status {Status}, code {ErrorCode}); a later sweep tries again")]
        public static partial void UpdateFailed(ILogger logger, string deliveryId, int? status, string? errorCode);

        [LoggerMessage(6223, LogLevel.Information, "The card of reminder {DeliveryId} is gone from Teams ({ErrorCode}); it is no longer updated")]
        public static partial void CardGone(ILogger logger, string deliveryId, string? errorCode);
    }
}
