namespace BillingBot.Recognizers;

/// <summary>What an incomplete date is resolved against: today, the preferred direction, and the culture's numeric order.</summary>
internal readonly record struct DateContext(DateOnly Today, DatePreference Preference, bool MonthFirst, bool DecimalComma)
{
    // Feb 29 without a year may be up to eight years away (1900 and 2100 are not leap years).
    private const int YearsToSearch = 8;

    /// <summary>A day of a month; without a year, the nearest such day in the preferred direction.</summary>
    public DateOnly? DayOfMonth(int day, int month, int? year)
    {
        if (year is { } y)
        {
            return Create(Normalize(y), month, day);
        }

        var step = Preference == DatePreference.Future ? 1 : -1;
        for (var candidate = Today.Year; Math.Abs(candidate - Today.Year) <= YearsToSearch; candidate += step)
        {
            if (Create(candidate, month, day) is { } date && (step > 0 ? date >= Today : date <= Today))
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The first day of a named month: this year's for "this", the next or last one otherwise, the preference without a word.</summary>
    public DateOnly Month(int month, DateShift shift)
    {
        var current = Today.Month;
        var year = shift switch
        {
            DateShift.This => Today.Year,
            DateShift.Next => month > current ? Today.Year : Today.Year + 1,
            DateShift.Last => month < current ? Today.Year : Today.Year - 1,
            _ when Preference == DatePreference.Future => month >= current ? Today.Year : Today.Year + 1,
            _ => month <= current ? Today.Year : Today.Year - 1,
        };
        return new DateOnly(year, month, 1);
    }

    /// <summary>The first day of this month moved by whole months.</summary>
    public DateOnly MonthFromNow(int months) => new DateOnly(Today.Year, Today.Month, 1).AddMonths(months);

    /// <summary>
    /// A weekday: "next"/"last" mean that day of the next or previous (Monday-first) week; "this" and no word mean the
    /// nearest such day from today, forwards (or backwards when the preference is the past and there is no word).
    /// </summary>
    public DateOnly Weekday(DayOfWeek day, DateShift shift)
    {
        var fromMonday = ((int)day + 6) % 7;
        return shift switch
        {
            DateShift.Next => MondayOf(Today).AddDays(7 + fromMonday),
            DateShift.Last => MondayOf(Today).AddDays(-7 + fromMonday),
            DateShift.None when Preference == DatePreference.Past => Today.AddDays(-(((int)Today.DayOfWeek - (int)day + 7) % 7)),
            _ => Today.AddDays(((int)day - (int)Today.DayOfWeek + 7) % 7),
        };
    }

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static DateOnly EndOfMonth(DateOnly firstDay) => firstDay.AddMonths(1).AddDays(-1);

    public static DateOnly? Create(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    public static int Normalize(int year) => year < 100 ? 2000 + year : year;
}
