namespace BillingBot.Understanding.Tests;

/// <summary>The partner's invoice numbers, FV/YYYY/MM/NNN, however customers type them.</summary>
public sealed class InvoiceNumberRecognizerTests
{
    [Theory]
    [InlineData("FV/2026/10/017", "FV/2026/10/017")]
    [InlineData("fv/2026/10/17", "FV/2026/10/017")]
    [InlineData("Fv/2026/1/5", "FV/2026/01/005")]
    [InlineData("FV 2026 10 017", "FV/2026/10/017")]
    [InlineData("FV-2026-10-017", "FV/2026/10/017")]
    [InlineData("fv2026/10/017", "FV/2026/10/017")]
    [InlineData("FV / 2026 / 10 / 017", "FV/2026/10/017")]
    [InlineData("FV\\2026\\10\\017", "FV/2026/10/017")]
    [InlineData("FV/2026/10/1234", "FV/2026/10/1234")]
    public void GivenAnInvoiceNumberSpelledAnyWay_WhenNormalized_ThenItHasTheCanonicalForm(string typed, string canonical)
    {
        Assert.True(InvoiceNumberRecognizer.TryNormalize(typed, out var number));
        Assert.Equal(canonical, number);
    }

    [Theory]
    [InlineData("2026/10/017")]
    [InlineData("FV/2026/13/017")]
    [InlineData("FV/2026/10/000")]
    [InlineData("FV/26/10/017")]
    [InlineData("AFV/2026/10/017")]
    [InlineData("FV/2026/10/017 i FV/2026/10/018")]
    [InlineData("faktura")]
    public void GivenSomethingElse_WhenNormalized_ThenItIsNotAnInvoiceNumber(string typed)
    {
        Assert.False(InvoiceNumberRecognizer.TryNormalize(typed, out _));
    }

    [Fact]
    public void GivenTwoInvoiceNumbersInAMessage_WhenRecognized_ThenBothAreFoundInOrderWithWhereTheyAre()
    {
        const string text = "Zapłaciłem fv/2026/10/17 oraz FV-2026-11-003.";

        var found = InvoiceNumberRecognizer.Recognize(text);

        Assert.Equal(
            [new RecognizedInvoiceNumber(11, 13, "fv/2026/10/17", "FV/2026/10/017"), new RecognizedInvoiceNumber(30, 14, "FV-2026-11-003", "FV/2026/11/003")],
            found);
    }

    [Fact]
    public void GivenADateWithoutThePrefix_WhenRecognized_ThenNoInvoiceNumberIsFound()
    {
        Assert.Empty(InvoiceNumberRecognizer.Recognize("zapłaciłem 2026/10/17 kwotę 100 zł"));
    }
}
