namespace BillingBot.Recognizers;

/// <summary>How precise a recognized date is.</summary>
public enum DateGranularity
{
    /// <summary>A single day.</summary>
    Day,

    /// <summary>A whole month; the date is its first day.</summary>
    Month,
}
