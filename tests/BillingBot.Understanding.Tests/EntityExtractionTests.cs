using BillingBot.Billing.Understanding;

namespace BillingBot.Understanding.Tests;

/// <summary>Invoice numbers, months, amounts and dates found in what customers type (today is 2026-11-25).</summary>
[Collection(TrainedRecognizerCollection.Name)]
public sealed class EntityExtractionTests(TrainedRecognizer trained)
{
    [Theory]
    [InlineData("czy faktura FV/2026/10/017 jest opłacona?")]
    [InlineData("czy faktura fv/2026/10/17 jest opłacona?")]
    [InlineData("czy faktura FV 2026 10 017 jest opłacona?")]
    [InlineData("czy faktura FV-2026-10-017 jest opłacona?")]
    [InlineData("is fv2026/10/017 paid?")]
    public async Task GivenAnInvoiceNumberTypedAnyWay_WhenRecognized_ThenItIsInItsCanonicalForm(string text)
    {
        var entities = await EntitiesOf(text);

        Assert.Equal(["FV/2026/10/017"], entities.InvoiceNumbers);
        Assert.Empty(entities.Dates);
        Assert.Empty(entities.Months);
        Assert.Empty(entities.Amounts);
    }

    [Theory]
    [InlineData("faktura za październik", 2026, 10)]
    [InlineData("ile jestem winien za pazdziernik", 2026, 10)]
    [InlineData("last month's invoice", 2026, 10)]
    [InlineData("show me the invoice for december", 2025, 12)]
    [InlineData("faktura za 09/2026", 2026, 9)]
    public async Task GivenAMonthNamedForAnInvoice_WhenRecognized_ThenItIsTheMostRecentSuchMonth(string text, int year, int month)
    {
        var entities = await EntitiesOf(text);

        Assert.Equal([new BillingMonth(year, month)], entities.Months);
    }

    [Theory]
    [InlineData("zapłaciłem 1 250,50 zł", 1250.50, "PLN")]
    [InlineData("wpłaciłem 300 EUR przelewem", 300, "EUR")]
    [InlineData("I transferred $99.99 yesterday", 99.99, "USD")]
    [InlineData("the invoice went up by 200 PLN", 200, "PLN")]
    [InlineData("zapłaciłem 1250,00", 1250, null)]
    public async Task GivenAnAmount_WhenRecognized_ThenItsValueAndCurrencyAreFound(string text, double value, string? currency)
    {
        var entities = await EntitiesOf(text);

        Assert.Equal([new AmountMention((decimal)value, currency)], entities.Amounts);
    }

    [Theory]
    [InlineData("pokaż ostatnie 5 faktur")]
    [InlineData("faktury za microsoft 365")]
    [InlineData("zgłoszenie numer 12345, jaki status")]
    public async Task GivenANumberThatIsNotMoney_WhenRecognized_ThenNoAmountIsFound(string text)
    {
        var entities = await EntitiesOf(text);

        Assert.Empty(entities.Amounts);
    }

    [Fact]
    public async Task GivenADeadlineAskedAbout_WhenRecognized_ThenTheDayIsTheComingOne()
    {
        var entities = await EntitiesOf("czy mogę zapłacić do 15 grudnia?");

        Assert.Equal([new DateOnly(2026, 12, 15)], entities.Dates);
    }

    [Fact]
    public async Task GivenAPaymentAlreadyMade_WhenRecognized_ThenTheDayIsThePastOne()
    {
        var entities = await EntitiesOf("zapłaciłem 20 listopada, czy faktura FV/2026/10/017 jest opłacona?");

        Assert.Equal([new DateOnly(2026, 11, 20)], entities.Dates);
        Assert.Equal(["FV/2026/10/017"], entities.InvoiceNumbers);
    }

    [Fact]
    public async Task GivenEverythingInOneMessage_WhenRecognized_ThenEachEntityIsFoundInOrder()
    {
        var entities = await EntitiesOf("I paid 1,200.00 PLN on 2026-11-03 for FV/2026/10/017 and fv 2026-09-4, the october invoice");

        Assert.Equal(["FV/2026/10/017", "FV/2026/09/004"], entities.InvoiceNumbers);
        Assert.Equal([new AmountMention(1200m, "PLN")], entities.Amounts);
        Assert.Equal([new DateOnly(2026, 11, 3)], entities.Dates);
        Assert.Equal([new BillingMonth(2026, 10)], entities.Months);
    }

    private async Task<UtteranceEntities> EntitiesOf(string text) =>
        (await trained.Recognizer.RecognizeAsync(text, null, TrainedRecognizer.Today, CancellationToken.None)).Entities;
}
