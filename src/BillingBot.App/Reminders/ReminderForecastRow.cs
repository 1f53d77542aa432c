using BillingBot.Billing.Reminders;
using BillingBot.Storage.Reminders;

namespace BillingBot.App.Reminders;

/// <summary>One reminder the sweeps of a day would send, as the admin view shows it (no amounts).</summary>
/// <param name="Customer">The customer's name.</param>
/// <param name="TenantId">The customer's tenant.</param>
/// <param name="InvoiceNumber">The invoice, or null for a period notice.</param>
/// <param name="Kind">The stage's kind.</param>
/// <param name="StageKey">The stage ("before-7", "due", "closing-2026-11"...).</param>
/// <param name="LocalSendFrom">The customer's local time from which it is due on that day.</param>
/// <param name="Recipients">Who gets it (none for the suspension stage, which goes to the billing admins).</param>
/// <param name="Ledger">What the ledger says of it already, per delivery (per recipient; one for the suspension stage); null: not claimed yet, so it will go.</param>
public sealed record ReminderForecastRow(
    string Customer,
    string TenantId,
    string? InvoiceNumber,
    ReminderKind Kind,
    string StageKey,
    DateTimeOffset LocalSendFrom,
    IReadOnlyList<ReminderForecastRecipient> Recipients,
    IReadOnlyList<ReminderLedgerState?> Ledger);
