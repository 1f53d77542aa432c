using System.Globalization;
using BillingBot.App.Resources;

namespace BillingBot.App.Handoff;

/// <summary>How hand-off messages speak: their texts in one language, instants in one time zone, and durations with Polish plurals.</summary>
public sealed class HandoffFormat(CultureInfo culture, TimeZoneInfo timeZone)
{
    public HandoffTexts Texts { get; } = HandoffTexts.For(culture);

    public CultureInfo Culture => culture;

    /// <summary>The card language, "pl" or "en".</summary>
    public string Language => culture.TwoLetterISOLanguageName;

    /// <summary>An instant as a reader in the time zone says it: "14 December 2026, 09:05".</summary>
    public string Timestamp(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, timeZone);
        return Texts.Format("Timestamp", local.ToString("d MMMM yyyy", culture), local.ToString("HH:mm", culture));
    }

    /// <summary>A duration in its largest whole unit: "5 minutes", "4 godziny", "1 day".</summary>
    public string Duration(TimeSpan duration)
    {
        var (count, unit) = duration.TotalDays >= 1 && duration.TotalHours % 24 == 0 ? ((int)duration.TotalDays, "Days")
            : duration.TotalHours >= 1 && duration.TotalMinutes % 60 == 0 ? ((int)duration.TotalHours, "Hours")
            : ((int)Math.Ceiling(duration.TotalMinutes), "Minutes");
        return Texts.Format(unit + "_" + PluralForm(count), count);
    }

    /// <summary>Polish plural forms: 1 (One), 2–4 but not 12–14 (Few), the rest (Many); English has One and Many, which Few equals.</summary>
    private static string PluralForm(int count)
    {
        if (count == 1)
        {
            return "One";
        }

        var lastDigit = count % 10;
        var lastTwo = count % 100;
        return lastDigit is >= 2 and <= 4 && lastTwo is not (>= 12 and <= 14) ? "Few" : "Many";
    }
}
