using System.Globalization;

namespace BillingBot.Billing.Understanding;

/// <summary>A calendar month an invoice is for, e.g. "faktura za październik" → 2026-10.</summary>
public readonly record struct BillingMonth
{
    public BillingMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    public static BillingMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>ISO 8601 year and month, e.g. "2026-10".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");
}
