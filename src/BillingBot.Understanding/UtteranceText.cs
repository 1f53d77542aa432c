using System.Globalization;
using System.Text;

namespace BillingBot.Understanding;

/// <summary>The form of a message the models see: one token for any invoice number, lower case, no diacritics.</summary>
internal static class UtteranceText
{
    // Which invoice a message names says nothing about its intent; that it names one does.
    internal const string InvoiceNumberToken = "fvnumer";

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        var next = 0;
        foreach (var invoice in InvoiceNumberRecognizer.Recognize(text))
        {
            builder.Append(text, next, invoice.Index - next).Append(' ').Append(InvoiceNumberToken).Append(' ');
            next = invoice.Index + invoice.Length;
        }

        builder.Append(text, next, text.Length - next);
        return string.Join(' ', Fold(builder.ToString()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Lower case without diacritics; ł and đ-like letters that do not decompose are mapped by hand.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch { 'ł' => 'l', 'đ' => 'd', 'ø' => 'o', 'ß' => 's', _ => c });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The runs of letters in a text.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isLetter = i < text.Length && char.IsLetter(text[i]);
            if (isLetter && start < 0)
            {
                start = i;
            }
            else if (!isLetter && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
