namespace BillingBot.Billing.Reminders;

/// <summary>
/// Everything customers said about reminders for one tenant: promises, snoozes, payment claims, opt-outs, preferences,
/// and the invoices they dispute in an open ticket.
/// </summary>
public sealed record ReminderControlSet(
    IReadOnlyList<PromiseToPay> Promises,
    IReadOnlyList<ReminderSnooze> Snoozes,
    IReadOnlyList<PaymentClaim> PaymentClaims,
    IReadOnlyList<ReminderOptOut> OptOuts,
    IReadOnlyList<ReminderPreference> Preferences)
{
    public static ReminderControlSet Empty { get; } = new([], [], [], [], []);

    /// <summary>The invoices under an open dispute ticket, whose dunning is held back.</summary>
    public IReadOnlyList<DisputeHold> DisputeHolds { get; init; } = [];
}
