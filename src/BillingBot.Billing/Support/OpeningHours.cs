namespace BillingBot.Billing.Support;

/// <summary>Opening hours on one day of the week, in the support desk's time zone.</summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
