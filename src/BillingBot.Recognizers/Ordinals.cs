using System.Globalization;
using System.Text.RegularExpressions;

namespace BillingBot.Recognizers;

/// <summary>A reply that picks an item by its position: "2", "#2", "nr 2", "second", "the second one", "drugi", "druga", "ostatnia".</summary>
internal static partial class Ordinals
{
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "the", "one", "option", "number", "no", "nr", "item", "choice", "i", "choose", "pick", "want", "take", "please", "id",
        "numer", "opcja", "opcje", "opcji", "pozycja", "pozycje", "punkt", "wybieram", "wybor", "prosze", "poprosze", "ten", "ta", "to", "te", "chce",
    };

    private static readonly string[] English = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    private static readonly string[] PolishStems = ["pierwsz", "drug", "trzec", "czwart", "piat", "szost", "siodm", "osm", "dziewiat", "dziesiat"];

    /// <summary>The zero-based position the reply names among <paramref name="count"/> items, or null.</summary>
    public static int? Parse(string folded, int count)
    {
        var words = Word().Matches(folded).Select(m => m.Value).ToList();
        var meaningful = words.Count == 1 ? words : words.Where(w => !Fillers.Contains(w)).ToList();
        if (meaningful.Count != 1)
        {
            return null;
        }

        var position = PositionOf(meaningful[0], count);
        return position is { } p && p >= 1 && p <= count ? p - 1 : null;
    }

    private static int? PositionOf(string word, int count)
    {
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (EnglishSuffix().Match(word) is { Success: true } suffixed)
        {
            return int.Parse(suffixed.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (word is "last" or "final" || LastPolish().IsMatch(word))
        {
            return count;
        }

        var english = Array.IndexOf(English, word);
        if (english >= 0)
        {
            return english + 1;
        }

        if (PolishOrdinal().Match(word) is { Success: true } polish)
        {
            return Array.IndexOf(PolishStems, polish.Groups[1].Value) + 1;
        }

        return NumberWords.TryParse(word, out var cardinal) ? cardinal : null;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Word();

    [GeneratedRegex(@"^(\d+)(?:st|nd|rd|th)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EnglishSuffix();

    [GeneratedRegex(@"^ostatn(?:i|ia|ie|iego|iej|im|iemu)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex LastPolish();

    [GeneratedRegex(@"^(pierwsz|drug|trzec|czwart|piat|szost|siodm|osm|dziewiat|dziesiat)(?:y|i|a|e|ego|ej|ym|emu|iego|ia|ie|iej|im)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PolishOrdinal();
}
