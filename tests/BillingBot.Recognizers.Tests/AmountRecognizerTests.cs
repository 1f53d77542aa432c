using System.Globalization;

namespace BillingBot.Recognizers.Tests;

public class AmountRecognizerTests
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData("1 250,00 zł", "1250.00", "PLN")]
    [InlineData("1250 zl", "1250", "PLN")]
    [InlineData("1250 ZŁ", "1250", "PLN")]
    [InlineData("300zł", "300", "PLN")]
    [InlineData("1250,- zł", "1250", "PLN")]
    [InlineData("PLN 1,250.00", "1250.00", "PLN")]
    [InlineData("1 250,50 złotych", "1250.50", "PLN")]
    [InlineData("sto złotych", "100", "PLN")]
    [InlineData("€300", "300", "EUR")]
    [InlineData("300 euro", "300", "EUR")]
    [InlineData("300 EUR", "300", "EUR")]
    [InlineData("$20", "20", "USD")]
    [InlineData("20 USD", "20", "USD")]
    [InlineData("20 dolarów", "20", "USD")]
    [InlineData("£15", "15", "GBP")]
    public void Given_an_amount_with_a_currency_When_recognized_Then_value_and_ISO_code_are_read(string text, string value, string currency)
    {
        var amount = Assert.Single(AmountRecognizer.Recognize(text, Polish));

        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), amount.Value);
        Assert.Equal(currency, amount.Currency);
        Assert.Equal((0, text.Length), (amount.Index, amount.Length));
    }

    [Theory]
    [InlineData("PLN 1,250.00", "1250.00", "PLN")]
    [InlineData("€1,250", "1250", "EUR")]
    [InlineData("20.5 USD", "20.5", "USD")]
    public void Given_an_English_amount_When_recognized_Then_its_value_is_read(string text, string value, string currency)
    {
        var amount = Assert.Single(AmountRecognizer.Recognize(text, English));

        Assert.Equal((decimal.Parse(value, CultureInfo.InvariantCulture), currency), (amount.Value, amount.Currency));
    }

    [Fact]
    public void Given_a_bare_number_When_recognized_Then_it_is_an_amount_without_currency()
    {
        var amount = Assert.Single(AmountRecognizer.Recognize("mogę zapłacić 500 teraz", Polish));

        Assert.Equal((500m, (string?)null, "500"), (amount.Value, amount.Currency, amount.Text));
    }

    [Theory]
    [InlineData("do 15 grudnia")]
    [InlineData("za 3 dni")]
    [InlineData("rabat 5%")]
    [InlineData("15.12.2026")]
    [InlineData("na 31 listopada")]
    public void Given_numbers_that_belong_to_a_date_or_a_percentage_When_recognized_Then_they_are_no_amount(string text)
    {
        Assert.Empty(AmountRecognizer.Recognize(text, Polish));
    }

    [Fact]
    public void Given_two_amounts_When_recognized_Then_each_keeps_its_own_currency()
    {
        var amounts = AmountRecognizer.Recognize("100 zł i 20 euro", Polish);

        Assert.Equal([(100m, "PLN", "100 zł"), (20m, "EUR", "20 euro")], amounts.Select(a => (a.Value, a.Currency!, a.Text)));
    }
}
