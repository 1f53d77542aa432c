using System.Text.RegularExpressions;
using System.Globalization;

namespace BillingBot.Recognizers;

/// <summary>
/// Finds numbers written with digits ("1 250,50", "1,250.50", "2 tys.") or as small words ("trzy", "twenty-five") in
/// Polish or English text. The culture decides only what a lone '.' or ',' means; words of both languages are always known.
/// </summary>
public static class NumberRecognizer
{
    /// <summary>The numbers in the text, in order.</summary>
    public static IReadOnlyList<RecognizedNumber> Recognize(string text, CultureInfo culture)
    {
        try
        {
            return RecognizeCore(text, culture);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological message must not fail the turn: it is understood without this kind of entity.
            return [];
        }
    }

    private static IReadOnlyList<RecognizedNumber> RecognizeCore(string text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(culture);
        var folded = TextFolding.Fold(text);
        return Find(folded, culture).Select(n => new RecognizedNumber(n.Index, n.Length, text.Substring(n.Index, n.Length), n.Value)).ToList();
    }

    /// <summary>Digit and word numbers in folded text, without overlaps, in order.</summary>
    internal static IReadOnlyList<(int Index, int Length, decimal Value)> Find(string folded, CultureInfo culture)
    {
        var digits = DigitNumbers.Find(folded, culture).ToList();
        var words = NumberWords.Find(folded).Where(w => !digits.Any(d => w.Index < d.Index + d.Length && d.Index < w.Index + w.Length));
        return digits.Concat(words).OrderBy(n => n.Index).ToList();
    }
}
