using System.Globalization;

namespace BillingBot.Billing;

/// <summary>An amount in one ISO 4217 currency. Amounts in different currencies never mix.</summary>
public readonly record struct Money
{
    public Money(decimal amount, string currency)
    {
        if (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code such as PLN or EUR.", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public string Currency { get; }

    public static Money Zero(string currency) => new(0m, currency);

    public bool IsZero => Amount == 0m;

    public bool IsNegative => Amount < 0m;

    public static Money operator +(Money left, Money right) => new(left.Amount + SameCurrency(left, right).Amount, left.Currency);

    public static Money operator -(Money left, Money right) => new(left.Amount - SameCurrency(left, right).Amount, left.Currency);

    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Negate() => -this;

    /// <summary>The amount in minor units (grosze, cents) as stored; money is never a floating-point number.</summary>
    public long ToMinorUnits()
    {
        var minor = Amount * 100m;
        return minor == decimal.Truncate(minor)
            ? decimal.ToInt64(minor)
            : throw new InvalidOperationException($"The amount has more than two decimal places; it cannot be stored in minor units of {Currency}.");
    }

    public static Money FromMinorUnits(long minorUnits, string currency) => new(minorUnits / 100m, currency);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");

    private static Money SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency
            ? right
            : throw new InvalidOperationException($"Cannot combine {left.Currency} with {right.Currency}.");
}
