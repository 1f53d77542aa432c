using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BillingBot.App.Commands.Import;

/// <summary>
/// The value formats of the import files, strict on purpose: amounts with a dot and at most two decimals, dates as
/// yyyy-MM-dd, instants as ISO 8601 with an offset. A value that does not fit is an error, never a guess.
/// </summary>
internal static partial class CsvFields
{
    private static readonly FrozenSet<string> Currencies = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => TryRegion(c.Name)?.ISOCurrencySymbol)
        .Where(code => code is { Length: 3 })
        .Select(code => code!)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The longest value a field may have: each is kept in one storage property (32 000 characters), with room to spare.</summary>
    public const int MaxValueLength = 2_000;

    /// <summary>The longest list (lines, contacts) a field may hold: it is kept as JSON, which takes more room than its text.</summary>
    public const int MaxListLength = 4_000;

    /// <summary>The longest <paramref name="column"/> may be.</summary>
    public static int MaxLength(string column) => column is "lines" or "contacts" ? MaxListLength : MaxValueLength;

    /// <summary>The largest amount the files can hold (15 digits and 2 decimals); what an invoice is paid in total stays within it too.</summary>
    public const decimal MaxAmount = 999_999_999_999_999.99m;

    public static bool TryAmount(string text, out decimal value) => TryDecimal(AmountPattern(), text, out value);

    public static bool TryQuantity(string text, out decimal value) => TryDecimal(QuantityPattern(), text, out value) && value > 0m;

    public static bool TryWholeNumber(string text, out int value)
    {
        value = 0;
        return WholeNumberPattern().IsMatch(text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>ISO 8601 with an explicit offset, or a date alone, read as 12:00 UTC so it is that date from UTC−11 to UTC+11.</summary>
    public static bool TryInstant(string text, out DateTimeOffset value)
    {
        if (TryDate(text, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            return true;
        }

        value = default;
        return InstantPattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    public static bool IsCurrency(string text) => Currencies.Contains(text);

    /// <summary>One of the enum's names, ignoring case; numbers are not names.</summary>
    public static bool TryChoice<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<TEnum>(name);
        return name is not null;
    }

    public static string Choices<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());

    public static bool TryHttpsUrl(string text, out Uri? value) =>
        Uri.TryCreate(text, UriKind.Absolute, out value) && value.Scheme == Uri.UriSchemeHttps;

    private static bool TryDecimal(Regex pattern, string text, out decimal value)
    {
        value = 0m;
        return pattern.IsMatch(text) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static RegionInfo? TryRegion(string name)
    {
        try
        {
            return new RegionInfo(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^-?[0-9]{1,15}(\.[0-9]{1,2})?$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^[0-9]{1,12}(\.[0-9]{1,6})?$")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^[0-9]{1,9}$")]
    private static partial Regex WholeNumberPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex InstantPattern();
}
