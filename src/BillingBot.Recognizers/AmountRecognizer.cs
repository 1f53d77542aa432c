using System.Text.RegularExpressions;
using System.Globalization;

namespace BillingBot.Recognizers;

/// <summary>
/// Finds amounts: a number with a currency before or after it ("1 250,00 zł", "1250 zl", "PLN 1,250.00", "€300",
/// "300 euro", "$20", "20 USD", "1250,- zł"), and bare numbers with no currency (Currency null) unless they are part of
/// a date ("15 grudnia", "za 3 dni") or a percentage. Whether a bare number is an amount is the caller's call.
/// </summary>
public static class AmountRecognizer
{
    /// <summary>The amounts in the text, in order.</summary>
    public static IReadOnlyList<RecognizedAmount> Recognize(string text, CultureInfo culture)
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

    private static IReadOnlyList<RecognizedAmount> RecognizeCore(string text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(culture);
        var folded = TextFolding.Fold(text);
        var currencies = CurrencyWords.Find(folded).ToList();
        var claimed = new HashSet<int>();
        var dates = DateRecognizer.Spans(text, culture).ToList();
        var amounts = new List<RecognizedAmount>();
        foreach (var (index, length, value) in NumberRecognizer.Find(folded, culture))
        {
            var end = index + length;
            var before = currencies.FindLastIndex(c => !claimed.Contains(c.Index) && c.Index + c.Length <= index && IsBlank(folded, c.Index + c.Length, index));
            var after = currencies.FindIndex(c => !claimed.Contains(c.Index) && c.Index >= end && IsCurrencyGap(folded, end, c.Index));
            var chosen = before >= 0 && (after < 0 || currencies[before].Symbol) ? before : after;
            if (chosen >= 0)
            {
                var currency = currencies[chosen];
                claimed.Add(currency.Index);
                var start = Math.Min(index, currency.Index);
                var stop = Math.Max(end, currency.Index + currency.Length);
                amounts.Add(new RecognizedAmount(start, stop - start, text[start..stop], value, currency.Code));
            }
            else if (!dates.Any(d => index < d.Index + d.Length && d.Index < end) && !(end < folded.Length && folded[end] == '%'))
            {
                amounts.Add(new RecognizedAmount(index, length, text.Substring(index, length), value, null));
            }
        }

        return amounts;
    }

    private static bool IsBlank(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] != ' ')
            {
                return false;
            }
        }

        return to - from <= 2;
    }

    // Polish prices are often written "1250,- zł": the ",-" stands for no grosze.
    private static bool IsCurrencyGap(string text, int from, int to)
    {
        var gap = text[from..to].Trim();
        return to - from <= 4 && gap is "" or ",-" or ".-";
    }
}
