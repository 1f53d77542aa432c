namespace BillingBot.Recognizers;

/// <summary>A date found in a text; for <see cref="DateGranularity.Month"/> the date is the first day of the month.</summary>
public sealed record RecognizedDate(int Index, int Length, string Text, DateOnly Date, DateGranularity Granularity);
