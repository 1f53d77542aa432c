using BillingBot.Billing.Understanding;

namespace BillingBot.Understanding.Tests;

/// <summary>The shipped training utterances: every intent well covered in both languages, and a broken line named.</summary>
public sealed class CorpusTests
{
    [Theory]
    [InlineData(Languages.Polish)]
    [InlineData(Languages.English)]
    public void GivenTheShippedTrainingSet_ThenEveryIntentHasAtLeastFortyUtterances(string language)
    {
        var counts = UtteranceCorpus.LoadTraining(language).CountBy(u => u.Intent).ToDictionary();

        Assert.All(Enum.GetValues<Intent>(), intent => Assert.True(counts.GetValueOrDefault(intent) >= 40, $"{intent}: {counts.GetValueOrDefault(intent)}"));
    }

    [Fact]
    public void GivenALineWithAnUnknownIntent_WhenParsed_ThenTheErrorNamesTheFileAndLine()
    {
        var text = "# comment\n\nBalance\tile jestem winien\nBalanse\tsaldo\n";

        var error = Assert.Throws<FormatException>(() => UtteranceCorpus.Parse(new StringReader(text), "utterances.pl.tsv"));

        Assert.Contains("utterances.pl.tsv:4", error.Message, StringComparison.Ordinal);
        Assert.Contains("Balanse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenCommentsAndBlankLines_WhenParsed_ThenOnlyUtterancesAreRead()
    {
        var text = "# Balance\n\nBalance\tile jestem winien \nThanks\tdzięki\n";

        var utterances = UtteranceCorpus.Parse(new StringReader(text), "test");

        Assert.Equal([new LabeledUtterance(Intent.Balance, "ile jestem winien"), new LabeledUtterance(Intent.Thanks, "dzięki")], utterances);
    }
}
