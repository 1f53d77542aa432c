namespace BillingBot.Billing.Invoices;

/// <summary>The days an invoice bills for (okres rozliczeniowy), both ends included.</summary>
public readonly record struct BillingPeriod
{
    public BillingPeriod(DateOnly start, DateOnly end)
    {
        Start = start;
        End = end >= start
            ? end
            : throw new ArgumentException($"A billing period cannot end ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).", nameof(end));
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    /// <summary>The calendar month containing a date, the usual period of a CSP invoice.</summary>
    public static BillingPeriod Month(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
