using System.Globalization;
using System.Text.RegularExpressions;

namespace BillingBot.Recognizers;

/// <summary>
/// Numbers written with digits the way people type them: "1 250,50" and "1.250,50" (Polish), "1,250.50" (English),
/// "1250.5" or "1250,5" in either language. Space groups are always thousands; with both '.' and ',' the last one is
/// the decimal mark; a single mark is decimal when it is the culture's, else thousands when exactly three digits
/// follow ("1.250" is 1250 in Polish, "1,250" is 1250 in English), else decimal ("12,50" in English is 12.5).
/// Digits glued to a letter before them, or to '/', ':' or '-' and more digits (invoice numbers, dates, times), are not numbers.
/// </summary>
internal static partial class DigitNumbers
{
    /// <summary>The numbers in folded text, each with its span, "tys."/"k"/"mln" multipliers applied.</summary>
    public static IEnumerable<(int Index, int Length, decimal Value)> Find(string folded, CultureInfo culture)
    {
        var decimalMark = culture.NumberFormat.NumberDecimalSeparator == "," ? ',' : '.';
        var position = 0;
        while (position < folded.Length)
        {
            var match = Candidate().Match(folded, position);
            if (!match.Success)
            {
                yield break;
            }

            var found = Longest(folded, match, decimalMark);
            if (found is not { } number)
            {
                // Skip the first space-separated part; the next part may still be a number of its own.
                var space = match.Value.IndexOf(' ', StringComparison.Ordinal);
                position = space < 0 ? match.Index + match.Length : match.Index + space;
                continue;
            }

            var end = match.Index + number.Length;
            var multiplied = Multiplier().Match(folded, end);
            if (multiplied.Success)
            {
                number = (number.Length + multiplied.Length, number.Value * (multiplied.Groups["k"].Success ? 1_000m : 1_000_000m));
            }

            yield return (match.Index, number.Length, number.Value);
            position = match.Index + number.Length;
        }
    }

    /// <summary>The longest prefix of the candidate, cut at a space, that is a well-formed number.</summary>
    private static (int Length, decimal Value)? Longest(string folded, Match match, char decimalMark)
    {
        var text = match.Value;
        for (var length = text.Length; length > 0; length = text.LastIndexOf(' ', length - 1))
        {
            if (IsCutMidToken(folded, match.Index + length))
            {
                continue;
            }

            if (Interpret(text.AsSpan(0, length), decimalMark) is { } value)
            {
                return (length, value);
            }
        }

        return null;
    }

    // "15.12.2026", "10:30", "FV/2026/10" continue with a mark and digits: those digits are not a number on their own.
    private static bool IsCutMidToken(string folded, int end) =>
        end + 1 < folded.Length && folded[end] is '.' or ',' or '/' or ':' or '-' && char.IsDigit(folded[end + 1]);

    internal static decimal? Interpret(ReadOnlySpan<char> text, char decimalMark)
    {
        var negative = text.Length > 0 && text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var groups = new List<string>();
        var marks = new List<char>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsDigit(text[i]))
            {
                groups.Add(text[start..i].ToString());
                marks.Add(text[i]);
                start = i + 1;
            }
        }

        groups.Add(text[start..].ToString());
        if (Split(groups, marks, decimalMark) is not { } decimalAt)
        {
            return null;
        }

        var integerGroups = decimalAt < 0 ? groups : groups.Take(decimalAt + 1).ToList();
        if (integerGroups.Count > 1 && (integerGroups[0].Length > 3 || integerGroups.Skip(1).Any(g => g.Length != 3)))
        {
            return null;
        }

        var digits = string.Concat(integerGroups) + (decimalAt < 0 ? string.Empty : "." + groups[^1]);
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? negative ? -value : value
            : null;
    }

    /// <summary>Which mark is the decimal one: its index among the marks, -1 for none, null when the marks make no number.</summary>
    private static int? Split(List<string> groups, List<char> marks, char decimalMark)
    {
        var punctuation = Enumerable.Range(0, marks.Count).Where(i => marks[i] != ' ').ToList();
        if (punctuation.Count == 0)
        {
            return -1;
        }

        var spaces = marks.Count - punctuation.Count;
        if (punctuation[0] < spaces)
        {
            return null; // a space after the decimal part
        }

        var last = punctuation[^1];
        var kinds = punctuation.Select(i => marks[i]).Distinct().Count();
        if (kinds == 2)
        {
            return punctuation.Count(i => marks[i] == marks[last]) == 1 ? last : null;
        }

        if (spaces > 0)
        {
            return punctuation.Count == 1 ? last : null;
        }

        if (punctuation.Count > 1)
        {
            return -1;
        }

        var isThousands = marks[last] != decimalMark && groups[0].Length <= 3 && groups[1].Length == 3;
        return isThousands ? -1 : last;
    }

    // At most 13 groups: no number a decimal holds has more (ten groups of thousands and a decimal part), and a run of
    // digits and spaces that never ends ("1 1 1 1 …", thousands long) is read in bounded pieces rather than tried whole
    // from every one of its digits, which took time cubic in its length.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_/.,:\-])(?:-(?=\d))?\d+(?:[ .,]\d+){0,12}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"\G ?(?:(?<k>tys\.|tys(?![\p{L}])|tysiac[\p{L}]*|thousand(?![\p{L}])|k(?![\p{L}]))|(?<m>mln\.?|milion[\p{L}]*|million(?![\p{L}])))", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex Multiplier();
}
