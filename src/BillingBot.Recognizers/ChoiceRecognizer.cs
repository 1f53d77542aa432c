using System.Globalization;
using System.Text.RegularExpressions;

namespace BillingBot.Recognizers;

/// <summary>
/// Picks one of a list of choices from a reply: the choice itself (a button click or typed, any case, with or
/// without diacritics; score 1), its position ("2", "second", "the second one", "drugi", "pierwsza", "ostatnia";
/// score 1), the choice written inside a longer reply (0.9), or enough of its words, Polish endings forgiven
/// ("faktury" for "Moje faktury"; up to 0.8). A reply that fits two choices equally well picks none.
/// </summary>
public static partial class ChoiceRecognizer
{
    private const double Contained = 0.9;
    private const double PartialWeight = 0.8;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "to", "for", "my", "and", "or", "in", "on", "with", "please",
        "i", "w", "na", "do", "z", "za", "o", "od", "moje", "moja", "moj", "mojej", "lub", "albo", "prosze",
    };

    /// <summary>The choice the reply picks, or null when it picks none or is ambiguous.</summary>
    public static RecognizedChoice? Recognize(string text, IReadOnlyList<string> choices, CultureInfo culture)
    {
        try
        {
            return RecognizeCore(text, choices, culture);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological message must not fail the turn: it is understood without this kind of entity.
            return null;
        }
    }

    private static RecognizedChoice? RecognizeCore(string text, IReadOnlyList<string> choices, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(culture);
        var input = Normalize(text);
        if (input.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        var normalized = choices.Select(Normalize).ToList();
        var exact = normalized.IndexOf(input);
        if (exact >= 0)
        {
            return new RecognizedChoice(exact, choices[exact], 1.0);
        }

        if (Ordinals.Parse(input, choices.Count) is { } position)
        {
            return new RecognizedChoice(position, choices[position], 1.0);
        }

        var contained = Enumerable.Range(0, choices.Count)
            .Where(i => normalized[i].Length > 0 && Regex.IsMatch(input, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(normalized[i])}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            .OrderByDescending(i => normalized[i].Length)
            .ToList();
        if (contained.Count > 0)
        {
            var longest = normalized[contained[0]].Length;
            return contained.Count(i => normalized[i].Length == longest) == 1 ? new RecognizedChoice(contained[0], choices[contained[0]], Contained) : null;
        }

        var inputWords = Words(input);
        var scored = Enumerable.Range(0, choices.Count).Select(i => (Index: i, Score: Overlap(inputWords, Words(normalized[i])))).ToList();
        var best = scored.MaxBy(s => s.Score);
        if (best.Score < 0.5 || scored.Count(s => s.Score == best.Score) > 1)
        {
            return null;
        }

        return new RecognizedChoice(best.Index, choices[best.Index], Math.Round(PartialWeight * best.Score, 4));
    }

    /// <summary>The share of the choice's words (stop words aside) that the reply contains.</summary>
    private static double Overlap(IReadOnlyList<string> input, IReadOnlyList<string> choice)
    {
        var meaningful = choice.Where(w => !StopWords.Contains(w)).ToList();
        if (meaningful.Count == 0)
        {
            meaningful = [.. choice];
        }

        if (meaningful.Count == 0)
        {
            return 0;
        }

        var matched = meaningful.Count(word => input.Any(candidate => SameWord(candidate, word)));
        return (double)matched / meaningful.Count;
    }

    // Polish inflects endings ("faktura", "fakturę", "faktury"): words that share all but their last two letters match.
    private static bool SameWord(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var shorter = Math.Min(a.Length, b.Length);
        if (shorter < 4)
        {
            return false;
        }

        var common = 0;
        while (common < shorter && a[common] == b[common])
        {
            common++;
        }

        return common >= Math.Max(4, shorter - 2);
    }

    private static List<string> Words(string text) => Word().Matches(text).Select(m => m.Value).ToList();

    private static string Normalize(string text) =>
        Spaces().Replace(TextFolding.Fold(text), " ").Trim().Trim('.', ',', '!', '?', ':', ';', '"', '\'', '(', ')', ' ');

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Spaces();
}
