using BillingBot.Billing;

namespace BillingBot.App.Commands.Import;

/// <summary>
/// One data row of an import file: typed access to its fields by column name, collecting every problem of the row
/// (rather than stopping at the first) with the column it is in.
/// </summary>
internal sealed class CsvRecord(IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> values, int line)
{
    private readonly List<string> _errors = [];

    /// <summary>The line of the file where the row starts.</summary>
    public int Line => line;

    public IReadOnlyList<string> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Error(string message) => _errors.Add(message);

    /// <summary>The trimmed text of a column, or null when it is empty or the file has no such column.</summary>
    public string? Optional(string column) =>
        columns.TryGetValue(column, out var index) && index < values.Count && values[index].Trim() is { Length: > 0 } text ? text : null;

    public string? Required(string column)
    {
        var text = Optional(column);
        if (text is null)
        {
            Error($"{column}: a value is required");
        }

        return text;
    }

    public decimal? Amount(string column, bool required = true) =>
        Parse(column, required, (string t, out decimal v) => CsvFields.TryAmount(t, out v), "is not an amount with a dot and at most two decimals, such as 1234.50");

    public int? WholeNumber(string column) =>
        Parse(column, true, (string t, out int v) => CsvFields.TryWholeNumber(t, out v), "is not a whole number, such as 14");

    public DateOnly? Date(string column) =>
        Parse(column, true, (string t, out DateOnly v) => CsvFields.TryDate(t, out v), "is not a date as yyyy-MM-dd, such as 2026-11-13");

    public DateTimeOffset? Instant(string column) =>
        Parse(column, true, (string t, out DateTimeOffset v) => CsvFields.TryInstant(t, out v), "is not a date (yyyy-MM-dd) or a time with its offset, such as 2026-11-10T09:30:00+01:00");

    public TEnum? Choice<TEnum>(string column, bool required = true)
        where TEnum : struct, Enum =>
        Parse(column, required, (string t, out TEnum v) => CsvFields.TryChoice(t, out v), $"is not one of {CsvFields.Choices<TEnum>()}");

    public string? Currency(string column)
    {
        var text = Required(column);
        if (text is not null && !CsvFields.IsCurrency(text))
        {
            Error($"{column}: '{text}' is not an ISO 4217 currency code, such as PLN or EUR");
            return null;
        }

        return text;
    }

    public Uri? HttpsUrl(string column)
    {
        var text = Optional(column);
        if (text is null)
        {
            return null;
        }

        if (!CsvFields.TryHttpsUrl(text, out var url))
        {
            Error($"{column}: '{text}' is not an https address");
        }

        return url;
    }

    /// <summary>An amount as money, when both the amount and the currency are good.</summary>
    public static Money? Money(decimal? amount, string? currency) =>
        amount is { } value && currency is not null ? new Money(value, currency) : null;

    private T? Parse<T>(string column, bool required, TryParse<T> parse, string problem)
        where T : struct
    {
        var text = required ? Required(column) : Optional(column);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        Error($"{column}: '{text}' {problem}");
        return null;
    }

    private delegate bool TryParse<T>(string text, out T value);
}
