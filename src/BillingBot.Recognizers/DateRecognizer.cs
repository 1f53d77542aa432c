using System.Text.RegularExpressions;
using System.Globalization;

namespace BillingBot.Recognizers;

/// <summary>
/// Finds dates the way people type them in Polish and English chat: numeric ("2026-12-15", "15.12.2026", "15/12/2026",
/// "12/15/2026" in en-US, "10/2026"), with month names in any Polish case or in English ("15 grudnia", "Dec 15th",
/// "w październiku", "October 2026"), relative ("jutro", "za 3 dni", "next week", "w przyszły piątek", "last month",
/// "koniec miesiąca"), with or without diacritics, in any letter case. Words of both languages are known whatever the
/// culture; the culture decides only the order of day and month in numeric dates (and whether "15.12" can be a date).
/// </summary>
public static class DateRecognizer
{
    /// <summary>The dates in the text, in order; where two readings overlap, the longer one wins.</summary>
    /// <param name="text">What the user typed.</param>
    /// <param name="culture">The user's culture.</param>
    /// <param name="today">Today in the user's time zone.</param>
    /// <param name="preference">How a date without a year, a bare weekday or month is resolved.</param>
    public static IReadOnlyList<RecognizedDate> Recognize(string text, CultureInfo culture, DateOnly today, DatePreference preference = DatePreference.Future)
    {
        try
        {
            return RecognizeCore(text, culture, today, preference);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological message must not fail the turn: it is understood without this kind of entity.
            return [];
        }
    }

    private static IReadOnlyList<RecognizedDate> RecognizeCore(string text, CultureInfo culture, DateOnly today, DatePreference preference)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(culture);
        return Find(text, culture, today, preference)
            .Where(c => c.Resolved is not null)
            .Select(c => new RecognizedDate(c.Index, c.Length, text.Substring(c.Index, c.Length), c.Resolved!.Value.Date, c.Resolved.Value.Granularity))
            .ToList();
    }

    /// <summary>Where dates are written, including impossible ones ("31 listopada"), so their numbers are not taken for amounts.</summary>
    internal static IEnumerable<(int Index, int Length)> Spans(string text, CultureInfo culture) =>
        Find(text, culture, new DateOnly(2000, 1, 1), DatePreference.Future).Select(c => (c.Index, c.Length));

    private static List<(int Index, int Length, (DateOnly Date, DateGranularity Granularity)? Resolved)> Find(string text, CultureInfo culture, DateOnly today, DatePreference preference)
    {
        var folded = TextFolding.Fold(text);
        var context = new DateContext(today, preference, IsMonthFirst(culture), culture.NumberFormat.NumberDecimalSeparator == ",");
        var candidates = new List<(int Index, int Length, (DateOnly Date, DateGranularity Granularity)? Resolved)>();
        foreach (var rule in DateRules.All.Where(r => r.AppliesTo?.Invoke(context) ?? true))
        {
            foreach (var match in rule.Pattern.Matches(folded).Where(m => m.Length > 0))
            {
                candidates.Add((match.Index, match.Length, rule.Resolve(match, context)));
            }
        }

        // Longest first: "15 grudnia 2026" hides "grudnia 2026"; an impossible "31 kwietnia 2027" hides "kwietnia 2027" too.
        var chosen = new List<(int Index, int Length, (DateOnly Date, DateGranularity Granularity)? Resolved)>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Length).ThenBy(c => c.Index))
        {
            if (!chosen.Any(c => candidate.Index < c.Index + c.Length && c.Index < candidate.Index + candidate.Length))
            {
                chosen.Add(candidate);
            }
        }

        return chosen.OrderBy(c => c.Index).ToList();
    }

    private static bool IsMonthFirst(CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.ShortDatePattern;
        var month = pattern.IndexOf('M', StringComparison.Ordinal);
        var day = pattern.IndexOf('d', StringComparison.Ordinal);
        return month >= 0 && day >= 0 && month < day;
    }
}
