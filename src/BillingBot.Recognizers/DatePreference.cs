namespace BillingBot.Recognizers;

/// <summary>Which way an incomplete date (a weekday, a day and month, a month without a year) is resolved from today.</summary>
public enum DatePreference
{
    /// <summary>The latest matching date on or before today (or the current or latest month).</summary>
    Past,

    /// <summary>The earliest matching date on or after today (or the current or next month).</summary>
    Future,
}
