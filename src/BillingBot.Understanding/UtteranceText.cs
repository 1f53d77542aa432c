using System.Text;
using BillingBot.Recognizers;

namespace BillingBot.Understanding;

/// <summary>The form of a message the models see: one token for any invoice number, lower case, no diacritics (ł too).</summary>
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
        return string.Join(' ', TextFolding.Fold(builder.ToString()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
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
