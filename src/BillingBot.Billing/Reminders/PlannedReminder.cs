namespace BillingBot.Billing.Reminders;

/// <summary>
/// One reminder the policy says is due now: for a customer, about an invoice (or a billing period), at a stage, to
/// its recipients. <see cref="Key"/> identifies the stage of the invoice: a reminder with the same key is the same
/// reminder, however many times it is planned, and is sent once per recipient.
/// </summary>
/// <param name="TenantId">The customer.</param>
/// <param name="InvoiceNumber">The invoice, or null for a period notice.</param>
/// <param name="Kind">The stage.</param>
/// <param name="DayOffset">Days from the due date (negative before it); for period notices, days before the period ends.</param>
/// <param name="StageDate">The customer's calendar day of the stage.</param>
/// <param name="StageKey">The stage in words a key can hold: "before-7", "due", "after-3", "warning-20", "suspension-30", "issued", "closing-2026-11".</param>
/// <param name="Recipients">Billing contacts who get it (none for <see cref="ReminderKind.Suspension"/>, which goes to the partner).</param>
public sealed record PlannedReminder(
    string TenantId,
    string? InvoiceNumber,
    ReminderKind Kind,
    int DayOffset,
    DateOnly StageDate,
    string StageKey,
    IReadOnlyList<ReminderRecipient> Recipients)
{
    /// <summary>"{tenant}|{invoice or -}|{stage}": the same reminder always has the same key.</summary>
    public string Key => $"{TenantId}|{InvoiceNumber ?? "-"}|{StageKey}";
}
