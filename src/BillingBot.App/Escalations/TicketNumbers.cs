using System.Globalization;
using System.Text.RegularExpressions;

namespace BillingBot.App.Escalations;

/// <summary>
/// Ticket numbers as customers read and quote them: "T-2026-0007", the year of opening and a sequence within the
/// customer and year. A message may write one in any case, with spaces or without the first dash ("t 2026-7").
/// </summary>
public static partial class TicketNumbers
{
    public static string Format(int year, int sequence) => string.Create(CultureInfo.InvariantCulture, $"T-{year:D4}-{sequence:D4}");

    /// <summary>The next sequence of a year after the numbers a customer has (1 for the first).</summary>
    public static int NextSequence(IEnumerable<string> existing, int year)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var last = 0;
        foreach (var number in existing)
        {
            if (Parse(number) is { } parsed && parsed.Year == year && parsed.Sequence > last)
            {
                last = parsed.Sequence;
            }
        }

        return last + 1;
    }

    /// <summary>The ticket numbers a message names, canonical and in the order of the text.</summary>
    public static IReadOnlyList<string> Find(string? text) =>
        text is null ? [] : [.. Pattern().Matches(text).Select(m => Format(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).Distinct(StringComparer.Ordinal)];

    private static (int Year, int Sequence)? Parse(string number)
    {
        var match = Pattern().Match(number);
        return match.Success && match.Index == 0 && match.Length == number.Length
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])T\s*-?\s*(20\d{2})\s*-\s*(\d{1,6})(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
