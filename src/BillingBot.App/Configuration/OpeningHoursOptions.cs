namespace BillingBot.App.Configuration;

/// <summary>Opening hours shared by some days of the week, e.g. Monday to Friday 08:00–17:00.</summary>
public sealed class OpeningHoursOptions
{
    public List<DayOfWeek> Days { get; set; } = [];

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}
