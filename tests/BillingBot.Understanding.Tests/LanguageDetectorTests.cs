using BillingBot.Billing.Understanding;

namespace BillingBot.Understanding.Tests;

/// <summary>The bot answers in the language a message is typed in, whatever the client's locale.</summary>
public sealed class LanguageDetectorTests
{
    private readonly LanguageDetector detector = new();

    [Theory]
    [InlineData("ile jestem winien")]
    [InlineData("kiedy mam zaplacic")]
    [InlineData("dzieki")]
    [InlineData("czesc")]
    [InlineData("hej")]
    [InlineData("pomoc")]
    [InlineData("faktura")]
    [InlineData("dziekuje bardzo")]
    [InlineData("jak zaplacic")]
    [InlineData("Zażółć gęślą jaźń")]
    [InlineData("ŁADNIE")]
    [InlineData("czy FV/2026/10/017 jest oplacona")]
    public void GivenPolish_WithOrWithoutDiacritics_WhenDetected_ThenItIsPolish(string text)
    {
        Assert.Equal(Languages.Polish, detector.Detect(text));
    }

    [Theory]
    [InlineData("how much do I owe")]
    [InlineData("thanks")]
    [InlineData("hi")]
    [InlineData("hello")]
    [InlineData("help")]
    [InlineData("invoice")]
    [InlineData("when is it due")]
    [InlineData("cheers")]
    [InlineData("is FV/2026/10/017 paid")]
    public void GivenEnglish_WhenDetected_ThenItIsEnglish(string text)
    {
        Assert.Equal(Languages.English, detector.Detect(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ok")]
    [InlineData("FV/2026/10/017")]
    [InlineData("123")]
    [InlineData("?")]
    public void GivenNoClue_WhenDetected_ThenNoLanguageIsClaimed(string text)
    {
        Assert.Null(detector.Detect(text));
    }
}
