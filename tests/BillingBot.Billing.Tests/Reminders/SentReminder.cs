using System.Globalization;

namespace BillingBot.Billing.Tests.Reminders;

/// <summary>One reminder delivered to one person (or to the partner) at the customer's local time.</summary>
internal sealed record SentReminder(string Label, string TenantId, string? InvoiceNumber, string StageKey, string Recipient, DateTimeOffset Local)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Label} {InvoiceNumber ?? "-"} {StageKey} {Recipient} {Local:yyyy-MM-dd HH:mm zzz}");
}
