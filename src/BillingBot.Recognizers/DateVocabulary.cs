using System.Text.RegularExpressions;

namespace BillingBot.Recognizers;

/// <summary>Month and weekday names, their Polish inflections, and the words that shift them, as regular expression fragments on folded text.</summary>
internal static class DateVocabulary
{
    private static readonly Dictionary<string, int> MonthForms = Build(
        (1, "january styczen stycznia styczniu styczniem"),
        (2, "february luty lutego lutym"),
        (3, "march marzec marca marcu marcem"),
        (4, "april kwiecien kwietnia kwietniu kwietniem"),
        (5, "maj maja maju majem"),
        (6, "june czerwiec czerwca czerwcu czerwcem"),
        (7, "july lipiec lipca lipcu lipcem"),
        (8, "august sierpien sierpnia sierpniu sierpniem"),
        (9, "september wrzesien wrzesnia wrzesniu wrzesniem"),
        (10, "october pazdziernik pazdziernika pazdzierniku pazdziernikiem"),
        (11, "november listopad listopada listopadzie listopadem"),
        (12, "december grudzien grudnia grudniu grudniem"));

    // Adjectives ("fakturę październikową", "rozliczenie grudniowe") name the month too.
    private static readonly (string Stem, int Month)[] AdjectiveStems =
    [
        ("styczniow", 1), ("lutow", 2), ("marcow", 3), ("kwietniow", 4), ("majow", 5), ("czerwcow", 6),
        ("lipcow", 7), ("sierpniow", 8), ("wrzesniow", 9), ("pazdziernikow", 10), ("listopadow", 11), ("grudniow", 12),
    ];

    // Abbreviations are only trusted next to a day or a year: "jan", "dec", "mar" are also names and words.
    // Polish "sie" (sierpień) is left out: folded, it is the everyday word "się".
    private static readonly Dictionary<string, int> Abbreviations = Build(
        (1, "jan sty"), (2, "feb lut"), (3, "mar"), (4, "apr kwi"), (5, "may"), (6, "jun cze"), (7, "jul lip"),
        (8, "aug"), (9, "sep sept wrz"), (10, "oct paz"), (11, "nov lis"), (12, "dec gru"));

    private static readonly Dictionary<string, int> EnglishMonths = MonthForms
        .Where(f => IsEnglish(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    private static readonly Dictionary<string, DayOfWeek> WeekdayForms = Build(
        (DayOfWeek.Monday, "monday poniedzialek poniedzialku poniedzialkiem"),
        (DayOfWeek.Tuesday, "tuesday wtorek wtorku wtorkiem"),
        (DayOfWeek.Wednesday, "wednesday sroda srode srody srodzie"),
        (DayOfWeek.Thursday, "thursday czwartek czwartku czwartkiem"),
        (DayOfWeek.Friday, "friday piatek piatku piatkiem"),
        (DayOfWeek.Saturday, "saturday sobota sobote soboty sobocie"),
        (DayOfWeek.Sunday, "sunday niedziela niedziele niedzieli"));

    /// <summary>A full month name in any form, except English "may" (a verb more often than a month).</summary>
    public static string MonthWord { get; } =
        Alternation(MonthForms.Keys) + "|(?:" + string.Join('|', AdjectiveStems.Select(s => s.Stem)) + @")\p{L}*";

    /// <summary>A month name or abbreviation, for places where a day or year next to it makes it unambiguous.</summary>
    public static string MonthAny { get; } = Alternation(MonthForms.Keys.Concat(Abbreviations.Keys)) + "|(?:" + string.Join('|', AdjectiveStems.Select(s => s.Stem)) + @")\p{L}*";

    /// <summary>An English month name or abbreviation (English writes the month before the day).</summary>
    public static string EnglishMonth { get; } = Alternation(EnglishMonths.Keys.Concat(Abbreviations.Keys.Where(IsEnglish)));

    public static string Weekday { get; } = Alternation(WeekdayForms.Keys);

    /// <summary>"next"-like words: the next month, the weekday of next week.</summary>
    public const string Next = @"next|following|przyszl\p{L}*|nastepn\p{L}*|kolejn\p{L}*";

    /// <summary>"last"-like words: the previous month, the weekday of last week.</summary>
    public const string Last = @"last|previous|past|prior|zeszl\p{L}*|ubiegl\p{L}*|poprzedni\p{L}*|ostatni\p{L}*";

    /// <summary>"this"-like words: the current month, the coming weekday.</summary>
    public const string This = @"this|current|coming|ten|ta|te|tym|tej|tego|biezac\p{L}*|obecn\p{L}*|najblizsz\p{L}*";

    public static string Modifier { get; } = $"(?<next>{Next})|(?<last>{Last})|(?<this>{This})";

    public const string Roman = "xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i";

    public static int MonthOf(string word)
    {
        var trimmed = word.TrimEnd('.');
        if (MonthForms.TryGetValue(trimmed, out var month) || Abbreviations.TryGetValue(trimmed, out month))
        {
            return month;
        }

        foreach (var (stem, value) in AdjectiveStems)
        {
            if (trimmed.StartsWith(stem, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new ArgumentException($"'{word}' is not a month.", nameof(word));
    }

    public static DayOfWeek WeekdayOf(string word) => WeekdayForms[word];

    public static int RomanOf(string numeral) => 12 - Array.IndexOf(Roman.Split('|'), numeral);

    private static bool IsEnglish(string word) =>
        word is "january" or "february" or "march" or "april" or "may" or "june" or "july" or "august" or "september"
            or "october" or "november" or "december" or "jan" or "feb" or "mar" or "apr" or "jun" or "jul" or "aug"
            or "sep" or "sept" or "oct" or "nov" or "dec";

    private static string Alternation(IEnumerable<string> words) =>
        string.Join('|', words.Distinct().OrderByDescending(w => w.Length).Select(Regex.Escape));

    private static Dictionary<string, T> Build<T>(params (T Value, string Forms)[] entries) =>
        entries.SelectMany(e => e.Forms.Split(' ').Select(form => (form, e.Value))).ToDictionary(p => p.form, p => p.Value, StringComparer.Ordinal);
}
