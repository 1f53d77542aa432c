namespace BillingBot.Billing.Tests;

public class MoneyTests
{
    [Fact]
    public void Amounts_in_the_same_currency_add_exactly()
    {
        var total = new Money(0.10m, "PLN") + new Money(0.20m, "PLN");

        Assert.Equal(new Money(0.30m, "PLN"), total);
    }

    [Fact]
    public void Amounts_in_different_currencies_never_mix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Money(1m, "PLN") - new Money(1m, "EUR"));

        Assert.Contains("PLN with EUR", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pln")]
    [InlineData("ZŁ")]
    [InlineData("EURO")]
    [InlineData("")]
    public void A_currency_must_be_an_ISO_code(string currency)
    {
        Assert.Throws<ArgumentException>(() => new Money(1m, currency));
    }

    [Theory]
    [InlineData(1250.00, 125000)]
    [InlineData(0.01, 1)]
    [InlineData(-37.5, -3750)]
    public void Minor_units_round_trip_without_loss(decimal amount, long minor)
    {
        var money = new Money(amount, "EUR");

        Assert.Equal(minor, money.ToMinorUnits());
        Assert.Equal(money, Money.FromMinorUnits(minor, "EUR"));
    }

    [Fact]
    public void An_amount_with_fractions_of_a_grosz_cannot_be_stored_as_minor_units()
    {
        Assert.Throws<InvalidOperationException>(() => new Money(1.005m, "PLN").ToMinorUnits());
    }
}
