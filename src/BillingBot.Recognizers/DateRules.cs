using System.Globalization;
using System.Text.RegularExpressions;
using static BillingBot.Recognizers.DateVocabulary;

namespace BillingBot.Recognizers;

/// <summary>The ways of writing a date that <see cref="DateRecognizer"/> knows, in Polish and English.</summary>
internal static class DateRules
{
    private const string Start = @"(?<![\p{L}\p{N}])";
    private const string NumberStart = @"(?<![\p{L}\p{N}/.,:\-])";
    private const string NumberEnd = @"(?!\d|[./\-]\d)";
    private const string WordEnd = @"(?![\p{L}])";
    private const string Unit = @"(?<day>dni|dzien|dnia|days?)|(?<week>tygodni[ae]?|tydzien|weeks?)|(?<month>miesiac[ea]?|miesiecy|months?)|(?<year>rok|lata|lat|roku|years?)";

    private static readonly string Count = @"\d{1,3}|" + NumberWords.Pattern + "|an|a";
    private static readonly string Shift = $"(?:{Modifier})";

    public static IReadOnlyList<DateRule> All { get; } =
    [
        // 2026-12-15, 2026/12/15
        Rule(NumberStart + @"(?<y>\d{4})(?<s>[-/.])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})" + NumberEnd,
            (m, _) => Day(DateContext.Create(Int(m, "y"), Int(m, "m"), Int(m, "d")))),

        // 15.12.2026, 15/12/2026 (12/15/2026 in en-US), 15-12-26
        Rule(NumberStart + @"(?<a>\d{1,2})(?<s>[./-])(?<b>\d{1,2})\k<s>(?<y>\d{4}|\d{2})" + NumberEnd,
            (m, c) => Day(Numeric(m, c, DateContext.Normalize(Int(m, "y"))))),

        // 15 XII 2026
        Rule(Start + @"(?<d>\d{1,2})\.?[ .](?<r>" + Roman + @")[ .](?<y>\d{4})(?!\d)",
            (m, _) => Day(DateContext.Create(Int(m, "y"), RomanOf(m.Groups["r"].Value), Int(m, "d")))),

        // 15 grudnia, 15. grudnia 2026, 15th of December, 15 Dec. 2026, 15-go grudnia
        Rule(Start + @"(?<d>\d{1,2})(?:\.|st|nd|rd|th|-?(?:go|ego|tego))?\s*(?:of\s+)?(?<mon>" + MonthAny + ")" + WordEnd + @"(?:\.?,?\s*(?<y>\d{4})(?!\d))?",
            (m, c) => Day(c.DayOfMonth(Int(m, "d"), MonthOf(m.Groups["mon"].Value), OptionalInt(m, "y")))),

        // December 15, Dec 15th, December 15, 2026
        Rule(Start + @"(?<mon>" + EnglishMonth + ")" + WordEnd + @"\.?\s*(?<d>\d{1,2})(?:st|nd|rd|th)?(?![\p{L}\p{N}])(?:,?\s*(?<y>\d{4})(?!\d))?",
            (m, c) => Day(c.DayOfMonth(Int(m, "d"), MonthOf(m.Groups["mon"].Value), OptionalInt(m, "y")))),

        // October 2026, październik 2026, w październiku 2025
        Rule(Start + @"(?<mon>" + MonthAny + ")" + WordEnd + @"\.?,?\s*(?<y>\d{4})(?!\d)",
            (m, _) => Month(DateContext.Create(Int(m, "y"), MonthOf(m.Groups["mon"].Value), 1))),

        // 10/2026, 10.2026
        Rule(NumberStart + @"(?<m>\d{1,2})[./-](?<y>\d{4})" + NumberEnd,
            (m, _) => Month(DateContext.Create(Int(m, "y"), Int(m, "m"), 1))),

        // 2026-10
        Rule(NumberStart + @"(?<y>\d{4})-(?<m>\d{1,2})" + NumberEnd,
            (m, _) => Month(DateContext.Create(Int(m, "y"), Int(m, "m"), 1))),

        // 15/12 (12/15 in en-US)
        Rule(NumberStart + @"(?<a>\d{1,2})(?<s>/)(?<b>\d{1,2})(?!\d|[./,\-]\d)",
            (m, c) => Day(Numeric(m, c, null))),

        // 15.12, where a dot cannot be a decimal mark (in English "1.5" is a number)
        Rule(NumberStart + @"(?<a>\d{1,2})(?<s>\.)(?<b>\d{1,2})(?!\d|[./,\-]\d)",
            (m, c) => Day(Numeric(m, c, null)),
            c => c.DecimalComma),

        // październik, za październik, w październiku, fakturę październikową, October, last October
        Rule(Start + $"(?:{Shift}\\s+)?(?<mon>{MonthWord}){WordEnd}",
            (m, c) => Month(c.Month(MonthOf(m.Groups["mon"].Value), DateShifts.Of(m)))),

        // "may" is a month only after a preposition or a shift word: "in May", "last May"
        Rule(Start + $"(?:(?<=(?<![\\p{{L}}])(?:in|for|of|during|since|until|till|by|from)\\s)|{Shift}\\s+)(?<mon>may){WordEnd}",
            (m, c) => Month(c.Month(5, DateShifts.Of(m)))),

        // dzisiaj, jutro, pojutrze, wczoraj, today, the day after tomorrow
        Rule(Start + @"(?<w>(?:the\s+)?day\s+after\s+tomorrow|(?:the\s+)?day\s+before\s+yesterday|przedwczoraj|pojutrze|dzisiaj|dzis|dzisiejsz\p{L}*|today|tonight|jutro|jutrzejsz\p{L}*|tomorrow|tmrw|wczoraj|wczorajsz\p{L}*|yesterday)" + WordEnd,
            (m, c) => Day(c.Today.AddDays(RelativeDay(m.Groups["w"].Value)))),

        // za 3 dni, za tydzień, za dwa tygodnie, in 3 days, in a week, within 2 weeks, w ciągu 5 dni
        Rule(Start + $@"(?:za|in|within|w\s+ciagu)\s+(?:(?<n>{Count})\s+)?(?:{Unit}){WordEnd}",
            (m, c) => Day(Add(c.Today, m, 1))),

        // 3 dni temu, tydzień temu, a week ago
        Rule(Start + $@"(?:(?<n>{Count})\s+)?(?:{Unit})\s+(?:temu|ago){WordEnd}",
            (m, c) => Day(Add(c.Today, m, -1))),

        // 3 days from now, 3 dni od dziś
        Rule(Start + $@"(?<n>{Count})\s+(?:{Unit})\s+(?:from\s+(?:now|today)|od\s+(?:dzisiaj|dzis|teraz)){WordEnd}",
            (m, c) => Day(Add(c.Today, m, 1))),

        // next week, w przyszłym tygodniu, zeszły tydzień: the Monday of that week
        Rule(Start + $@"{Shift}\s+(?:week|tydzien|tygodnia|tygodniu){WordEnd}",
            (m, c) => Day(DateContext.MondayOf(c.Today).AddDays(7 * DateShifts.Of(m).Offset()))),

        // w piątek, w przyszły piątek, on Friday, next Friday, last Monday
        Rule(Start + $@"(?:{Shift}\s+)?(?<wd>{Weekday}){WordEnd}",
            (m, c) => Day(c.Weekday(WeekdayOf(m.Groups["wd"].Value), DateShifts.Of(m)))),

        // last month, zeszły miesiąc, w tym miesiącu, poprzedniego miesiąca, next month
        Rule(Start + $@"{Shift}\s+(?:month|miesiac|miesiaca|miesiacu|miesiacem){WordEnd}",
            (m, c) => Month(c.MonthFromNow(DateShifts.Of(m).Offset()))),

        // koniec miesiąca, do końca przyszłego miesiąca, koniec października
        Rule(Start + $@"(?:koniec|konca|koncem|koncu|koncowk\p{{L}}*)\s+(?:{Shift}\s+)?(?:(?<mm>miesiaca|miesiac)|(?<mon>{MonthWord})){WordEnd}",
            EndOfMonth),

        // end of the month, end of next month, end of October, month-end
        Rule(Start + $@"(?:the\s+)?end\s+of\s+(?:the\s+)?(?:{Shift}\s+)?(?:(?<mm>month)|(?<mon>{MonthWord}|may)){WordEnd}",
            EndOfMonth),
        Rule(Start + @"(?<mm>month[\s-]end|eom)" + WordEnd, EndOfMonth),

        // koniec roku, do końca przyszłego roku, end of the year, year-end
        Rule(Start + $@"(?:(?:koniec|konca|koncem|koncu|koncowk\p{{L}}*)\s+(?:{Shift}\s+)?roku|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:{Shift}\s+)?year|year[\s-]end){WordEnd}",
            (m, c) => Day(new DateOnly(c.Today.Year + DateShifts.Of(m).Offset(), 12, 31))),
    ];

    private static (DateOnly, DateGranularity)? EndOfMonth(Match m, DateContext c)
    {
        var shift = DateShifts.Of(m);
        var first = m.Groups["mon"].Success ? c.Month(MonthOf(m.Groups["mon"].Value), shift) : c.MonthFromNow(shift.Offset());
        return Day(DateContext.EndOfMonth(first));
    }

    private static DateOnly? Numeric(Match m, DateContext c, int? year)
    {
        var (a, b) = (Int(m, "a"), Int(m, "b"));
        var monthFirst = c.MonthFirst && m.Groups["s"].Value != ".";
        var (day, month) = monthFirst ? (b, a) : (a, b);
        // A month over 12 can only be the day: "15/12" typed into an en-US client is still the 15th of December.
        if (month > 12 && day <= 12)
        {
            (day, month) = (month, day);
        }

        return year is { } y ? DateContext.Create(y, month, day) : c.DayOfMonth(day, month, null);
    }

    private static DateOnly Add(DateOnly today, Match m, int sign)
    {
        var count = m.Groups["n"].Success ? CountOf(m.Groups["n"].Value) : 1;
        var amount = sign * count;
        return m.Groups["day"].Success ? today.AddDays(amount)
            : m.Groups["week"].Success ? today.AddDays(7 * amount)
            : m.Groups["month"].Success ? today.AddMonths(amount)
            : today.AddYears(amount);
    }

    private static int CountOf(string text) =>
        text is "a" or "an" ? 1
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) ? digits
        : NumberWords.TryParse(text, out var word) ? word
        : 1;

    private static int RelativeDay(string word) => word switch
    {
        _ when word.EndsWith("after tomorrow", StringComparison.Ordinal) || word == "pojutrze" => 2,
        _ when word.EndsWith("before yesterday", StringComparison.Ordinal) || word == "przedwczoraj" => -2,
        _ when word.StartsWith("jutr", StringComparison.Ordinal) || word is "tomorrow" or "tmrw" => 1,
        _ when word.StartsWith("wczoraj", StringComparison.Ordinal) || word == "yesterday" => -1,
        _ => 0,
    };

    private static (DateOnly, DateGranularity)? Day(DateOnly? date) => date is { } d ? (d, DateGranularity.Day) : null;

    private static (DateOnly, DateGranularity)? Month(DateOnly? date) => date is { } d ? (d, DateGranularity.Month) : null;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int? OptionalInt(Match m, string group) => m.Groups[group].Success ? Int(m, group) : null;

    private static DateRule Rule(string pattern, Func<Match, DateContext, (DateOnly, DateGranularity)?> resolve, Func<DateContext, bool>? appliesTo = null) =>
        new(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1)), resolve, appliesTo);
}
