using System.Text.RegularExpressions;

namespace BillingBot.Recognizers;

/// <summary>Small numbers written as words in English and Polish (all cases Polish uses in chat), on folded text.</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Units = Build(
        (0, "zero"),
        (1, "one jeden jedna jedno jednego jednej jednym jednemu"),
        (2, "two dwa dwie dwoch dwu dwoma dwom dwiema"),
        (3, "three trzy trzech trzema trzem"),
        (4, "four cztery czterech czterema czterem"),
        (5, "five piec pieciu piecioma"),
        (6, "six szesc szesciu szescioma"),
        (7, "seven siedem siedmiu siedmioma"),
        (8, "eight osiem osmiu osmioma"),
        (9, "nine dziewiec dziewieciu dziewiecioma"),
        (10, "ten dziesiec dziesieciu dziesiecioma"),
        (11, "eleven jedenascie jedenastu"),
        (12, "twelve dwanascie dwunastu"),
        (13, "thirteen trzynascie trzynastu"),
        (14, "fourteen czternascie czternastu"),
        (15, "fifteen pietnascie pietnastu"),
        (16, "sixteen szesnascie szesnastu"),
        (17, "seventeen siedemnascie siedemnastu"),
        (18, "eighteen osiemnascie osiemnastu"),
        (19, "nineteen dziewietnascie dziewietnastu"),
        (100, "hundred sto stu"));

    private static readonly Dictionary<string, int> Tens = Build(
        (20, "twenty dwadziescia dwudziestu"),
        (30, "thirty trzydziesci trzydziestu"),
        (40, "forty czterdziesci czterdziestu"),
        (50, "fifty piecdziesiat piecdziesieciu"),
        (60, "sixty szescdziesiat szescdziesieciu"),
        (70, "seventy siedemdziesiat siedemdziesieciu"),
        (80, "eighty osiemdziesiat osiemdziesieciu"),
        (90, "ninety dziewiecdziesiat dziewiecdziesieciu"));

    /// <summary>A regular expression fragment matching one written number, for example "trzy", "twenty-five", "dwadziescia piec".</summary>
    public static string Pattern { get; } = BuildPattern();

    private static readonly Regex Finder = new(
        @"(?<![\p{L}\p{N}])(?:" + Pattern + @")(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromSeconds(1));

    /// <summary>The written numbers in folded text.</summary>
    public static IEnumerable<(int Index, int Length, decimal Value)> Find(string folded)
    {
        foreach (Match match in Finder.Matches(folded))
        {
            if (TryParse(match.Value, out var value))
            {
                yield return (match.Index, match.Length, value);
            }
        }
    }

    /// <summary>The value of a phrase matched by <see cref="Pattern"/>.</summary>
    public static bool TryParse(string phrase, out int value)
    {
        var parts = phrase.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        value = 0;
        if (parts.Length == 1)
        {
            return Units.TryGetValue(parts[0], out value) || Tens.TryGetValue(parts[0], out value);
        }

        if (parts.Length == 2 && Tens.TryGetValue(parts[0], out var tens) && Units.TryGetValue(parts[1], out var unit) && unit is >= 1 and <= 9)
        {
            value = tens + unit;
            return true;
        }

        return false;
    }

    private static string BuildPattern()
    {
        var units = Units.Where(u => u.Value is >= 1 and <= 9).Select(u => u.Key);
        return "(?:" + Alternation(Tens.Keys) + @")(?:[ -]+(?:" + Alternation(units) + @")(?![\p{L}]))?|" + Alternation(Units.Keys);
    }

    private static string Alternation(IEnumerable<string> words) =>
        string.Join('|', words.OrderByDescending(w => w.Length).Select(Regex.Escape));

    private static Dictionary<string, int> Build(params (int Value, string Forms)[] entries) =>
        entries.SelectMany(e => e.Forms.Split(' ').Select(form => (form, e.Value))).ToDictionary(p => p.form, p => p.Value, StringComparer.Ordinal);
}
