namespace BillingBot.Billing;

/// <summary>Argument checks shared by the domain's records, so every invariant fails with the same clear shape.</summary>
internal static class Guard
{
    public static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} is required.", name) : value;

    public static T Defined<T>(T value, string name)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentException($"{value} is not a valid {typeof(T).Name}.", name);

    /// <summary>Amounts are kept in minor units, so an amount with fractions of a grosz or cent is a mistake.</summary>
    public static Money WholeMinorUnits(Money value, string name) =>
        value.Amount == decimal.Round(value.Amount, 2)
            ? value
            : throw new ArgumentException($"{name} {value.Amount} {value.Currency} has more than two decimal places.", name);

    public static Money NotNegative(Money value, string name) =>
        value.IsNegative ? throw new ArgumentException($"{name} cannot be negative ({value}).", name) : WholeMinorUnits(value, name);

    public static Money InCurrency(Money value, string currency, string name) =>
        value.Currency == currency
            ? value
            : throw new ArgumentException($"{name} is in {value.Currency}, but the invoice is in {currency}; an invoice has one currency.", name);
}
