using System.Globalization;
using System.Text;

namespace BillingBot.Recognizers;

/// <summary>Folds text for matching: lower case, no diacritics, one output character per input character.</summary>
public static class TextFolding
{
    /// <summary>
    /// Lower-cases (invariant) and strips diacritics (ą→a, ł→l, ż/ź→z, ó→o, é→e, ...). Space separators (non-breaking,
    /// narrow, thin) become a plain space, typographic apostrophes, quotes and dashes their ASCII forms. The result has
    /// the same length as the input, so an index found in the folded text is an index in the original.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = FoldChar(source[i]);
            }
        });
    }

    private static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        if (char.IsSurrogate(c))
        {
            return c;
        }

        var lower = char.ToLowerInvariant(c);
        switch (lower)
        {
            // Letters with a stroke do not decompose in Unicode.
            case 'ł': return 'l';
            case 'đ': return 'd';
            case 'ø': return 'o';
            case 'ħ': return 'h';
            case 'ŧ': return 't';
            case 'ı': return 'i';
            case '\u2018' or '\u2019' or '\u201B' or '\u02BC': return '\'';
            case '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB': return '"';
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212': return '-';
        }

        if (CharUnicodeInfo.GetUnicodeCategory(lower) == UnicodeCategory.SpaceSeparator)
        {
            return ' ';
        }

        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 1 && char.IsLetter(decomposed[0]) && IsMarks(decomposed.AsSpan(1)) ? decomposed[0] : lower;
    }

    private static bool IsMarks(ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                return false;
            }
        }

        return true;
    }
}
