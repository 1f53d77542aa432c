namespace BillingBot.Billing.Support;

/// <summary>When people answer: weekly opening hours in one time zone, minus holidays.</summary>
public sealed record SupportHours(TimeZoneInfo TimeZone, IReadOnlyList<OpeningHours> Week, IReadOnlySet<DateOnly> Holidays)
{
    /// <summary>Whether someone is at the desk at this instant.</summary>
    public bool IsOpen(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return !Holidays.Contains(date) && Week.Any(h => h.Day == date.DayOfWeek && time >= h.Opens && time < h.Closes);
    }

    /// <summary>The next instant at which the desk opens, or now when it is open; null when no hours are published.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset now)
    {
        if (IsOpen(now))
        {
            return now;
        }

        var local = TimeZoneInfo.ConvertTime(now, TimeZone);
        var today = DateOnly.FromDateTime(local.DateTime);
        // Two weeks covers any holiday season a partner publishes.
        for (var offset = 0; offset < 15; offset++)
        {
            var date = today.AddDays(offset);
            if (Holidays.Contains(date))
            {
                continue;
            }

            foreach (var hours in Week.Where(h => h.Day == date.DayOfWeek).OrderBy(h => h.Opens))
            {
                var opening = AtLocal(date, hours.Opens);
                if (opening > now)
                {
                    return opening;
                }
            }
        }

        return null;
    }

    private DateTimeOffset AtLocal(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // An opening time skipped by a DST change moves forward by the hour that does not exist.
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }
}
