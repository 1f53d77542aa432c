using System.Globalization;
using System.Text.RegularExpressions;

namespace BillingBot.Understanding;

/// <summary>
/// Finds the partner's invoice numbers (FV/YYYY/MM/NNN) in free text, however they are typed: "fv/2026/10/17",
/// "FV 2026 10 017", "FV-2026-10-017", "fv2026/10/017". The FV prefix is required: without it "2026/10/17" is a date.
/// </summary>
public static partial class InvoiceNumberRecognizer
{
    public static IReadOnlyList<RecognizedInvoiceNumber> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<RecognizedInvoiceNumber>();
        foreach (Match match in Pattern().Matches(text))
        {
            if (Canonical(match) is { } number)
            {
                found.Add(new RecognizedInvoiceNumber(match.Index, match.Length, match.Value, number));
            }
        }

        return found;
    }

    /// <summary>The canonical form of a text that is exactly one invoice number in any accepted spelling.</summary>
    public static bool TryNormalize(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? number)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var match = Pattern().Match(trimmed);
        number = match.Success && match.Index == 0 && match.Length == trimmed.Length ? Canonical(match) : null;
        return number is not null;
    }

    private static string? Canonical(Match match)
    {
        var year = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["month"].ValueSpan, CultureInfo.InvariantCulture);
        var sequence = int.Parse(match.Groups["sequence"].ValueSpan, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && sequence > 0
            ? string.Create(CultureInfo.InvariantCulture, $"FV/{year:0000}/{month:00}/{sequence:000}")
            : null;
    }

    // Separators: slash, backslash, dash, underscore, dot or spaces, with spaces allowed around them.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}])FV\s*[/\\\-_.]?\s*(?<year>(19|20)\d{2})\s*(?:[/\\\-_.]|\s)\s*(?<month>\d{1,2})\s*(?:[/\\\-_.]|\s)\s*(?<sequence>\d{1,5})(?![\p{N}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
