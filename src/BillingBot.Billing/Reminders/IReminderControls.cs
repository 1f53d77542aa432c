namespace BillingBot.Billing.Reminders;

/// <summary>
/// What customers said about their reminders, kept per tenant. A later save for the same tenant, invoice and person
/// replaces the earlier one (one promise, one snooze, one claim per invoice and person).
/// </summary>
public interface IReminderControls
{
    /// <summary>Everything for one tenant (a single-partition read).</summary>
    Task<ReminderControlSet> ForCustomerAsync(string tenantId, CancellationToken cancellationToken);

    Task SavePromiseAsync(PromiseToPay promise, CancellationToken cancellationToken);

    Task SaveSnoozeAsync(ReminderSnooze snooze, CancellationToken cancellationToken);

    Task SavePaymentClaimAsync(PaymentClaim claim, CancellationToken cancellationToken);

    Task SaveOptOutAsync(ReminderOptOut optOut, CancellationToken cancellationToken);

    Task RemoveOptOutAsync(string tenantId, string invoiceNumber, string objectId, CancellationToken cancellationToken);

    Task SavePreferenceAsync(ReminderPreference preference, CancellationToken cancellationToken);

    /// <summary>Holds back dunning of an invoice while a dispute ticket names it; saving the same hold again changes nothing.</summary>
    Task SaveDisputeHoldAsync(DisputeHold hold, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a dispute ticket's hold on an invoice at <paramref name="endedAt"/> (dunning resumes with its latest stage);
    /// removing it again is harmless.
    /// </summary>
    Task RemoveDisputeHoldAsync(string tenantId, string invoiceNumber, string ticketNumber, DateTimeOffset endedAt, CancellationToken cancellationToken);
}
