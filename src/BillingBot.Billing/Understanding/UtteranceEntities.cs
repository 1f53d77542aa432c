namespace BillingBot.Billing.Understanding;

/// <summary>What a message names besides its intent, each list in the order of the text.</summary>
/// <param name="InvoiceNumbers">
/// Canonical invoice numbers, FV/YYYY/MM/NNN (upper case, slashes, month two digits, sequence at least three):
/// "fv 2026-10-17" is FV/2026/10/017.
/// </param>
/// <param name="Months">Months an invoice or period is for ("za październik", "last month's invoice").</param>
/// <param name="Amounts">Amounts of money.</param>
/// <param name="Dates">Calendar days ("15 grudnia", "on 3 December").</param>
public sealed record UtteranceEntities(
    IReadOnlyList<string> InvoiceNumbers,
    IReadOnlyList<BillingMonth> Months,
    IReadOnlyList<AmountMention> Amounts,
    IReadOnlyList<DateOnly> Dates)
{
    public static UtteranceEntities None { get; } = new([], [], [], []);
}
