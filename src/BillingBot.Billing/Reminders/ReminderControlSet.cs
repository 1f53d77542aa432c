namespace BillingBot.Billing.Reminders;

/// <summary>Everything customers said about reminders for one tenant: promises, snoozes, payment claims, opt-outs, preferences.</summary>
public sealed record ReminderControlSet(
    IReadOnlyList<PromiseToPay> Promises,
    IReadOnlyList<ReminderSnooze> Snoozes,
    IReadOnlyList<PaymentClaim> PaymentClaims,
    IReadOnlyList<ReminderOptOut> OptOuts,
    IReadOnlyList<ReminderPreference> Preferences)
{
    public static ReminderControlSet Empty { get; } = new([], [], [], [], []);
}
