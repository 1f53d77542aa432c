using System.ComponentModel.DataAnnotations;
using BillingBot.Billing.Understanding;

namespace BillingBot.Understanding.Tests;

/// <summary>A misconfigured recognizer fails at start-up, naming the option.</summary>
public sealed class UnderstandingOptionsTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.2)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void GivenAThresholdOutsideZeroToOne_WhenTheRecognizerIsCreated_ThenItRefusesNamingTheThreshold(double threshold)
    {
        var options = new UnderstandingOptions { ConfidenceThreshold = threshold };

        var error = Assert.Throws<ValidationException>(() => new IntentRecognizer(options, TimeProvider.System));

        Assert.Contains(nameof(UnderstandingOptions.ConfidenceThreshold), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void GivenAThresholdBetweenZeroAndOne_WhenValidated_ThenItIsAccepted(double threshold)
    {
        new UnderstandingOptions { ConfidenceThreshold = threshold }.Validate();
    }

    [Fact]
    public void GivenAFallbackLanguageTheBotDoesNotSpeak_WhenValidated_ThenItIsRefused()
    {
        var error = Assert.Throws<ValidationException>(() => new UnderstandingOptions { FallbackLanguage = "de" }.Validate());

        Assert.Contains(nameof(UnderstandingOptions.FallbackLanguage), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTheDefaults_ThenTheyAreValidAndFallBackToEnglish()
    {
        var options = new UnderstandingOptions();

        options.Validate();
        Assert.Equal(Languages.English, options.FallbackLanguage);
    }
}
