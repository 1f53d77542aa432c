using System.Globalization;
using System.Text;
using BillingBot.Billing.Understanding;
using BillingBot.Recognizers;
using Xunit.Abstractions;

namespace BillingBot.Understanding.Tests;

/// <summary>How well the model understands messages it was never trained on, per language.</summary>
[Collection(TrainedRecognizerCollection.Name)]
public sealed class HeldOutAccuracyTests(TrainedRecognizer trained, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Languages.Polish)]
    [InlineData(Languages.English)]
    public async Task GivenHeldOutMessages_WhenRecognized_ThenAtLeastNinetyPercentGetTheirIntent(string language)
    {
        var heldOut = TestData.HeldOut(language);
        var misses = new List<string>();
        var confident = 0;
        foreach (var utterance in heldOut)
        {
            var understanding = await trained.Recognizer.RecognizeAsync(utterance.Text, language, TrainedRecognizer.Today, CancellationToken.None);
            if (understanding.Intent != utterance.Intent)
            {
                misses.Add(string.Create(CultureInfo.InvariantCulture, $"  {utterance.Intent} taken for {understanding.Intent} ({understanding.Confidence:0.00}): {utterance.Text}"));
            }
            else if (understanding.IsConfident)
            {
                confident++;
            }
        }

        var accuracy = (double)(heldOut.Count - misses.Count) / heldOut.Count;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{language}: {heldOut.Count - misses.Count}/{heldOut.Count} correct = {accuracy:P1}; correct and confident: {confident}; "
            + $"training: {trained.Training.PolishUtterances} pl + {trained.Training.EnglishUtterances} en utterances in {trained.Training.Duration.TotalSeconds:0.00} s"));
        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(accuracy >= 0.9, $"{language} held-out accuracy {accuracy:P1} is below 90%:\n{string.Join('\n', misses)}");
    }

    [Theory]
    [InlineData(Languages.Polish)]
    [InlineData(Languages.English)]
    public async Task GivenHeldOutMessagesAndNoLanguage_WhenRecognized_ThenTheLanguageTheyAreWrittenInIsDetected(string language)
    {
        var heldOut = TestData.HeldOut(language);
        var wrong = new List<string>();
        foreach (var utterance in heldOut)
        {
            var understanding = await trained.Recognizer.RecognizeAsync(utterance.Text, null, TrainedRecognizer.Today, CancellationToken.None);
            if (understanding.Language != language)
            {
                wrong.Add(utterance.Text);
            }
        }

        output.WriteLine($"{language}: language detected for {heldOut.Count - wrong.Count}/{heldOut.Count}");
        Assert.True(wrong.Count <= heldOut.Count / 50, $"Taken for another language:\n{string.Join('\n', wrong)}");
    }

    [Theory]
    [InlineData(Languages.Polish)]
    [InlineData(Languages.English)]
    public void GivenTheHeldOutSet_ThenNoMessageRepeatsATrainingMessage(string language)
    {
        var training = UtteranceCorpus.LoadTraining(language).Select(u => Comparable(u.Text)).ToHashSet();

        var repeated = TestData.HeldOut(language).Where(u => training.Contains(Comparable(u.Text))).Select(u => u.Text).ToList();

        Assert.Empty(repeated);
    }

    [Theory]
    [InlineData(Languages.Polish)]
    [InlineData(Languages.English)]
    public void GivenTheHeldOutSet_ThenEveryIntentHasAtLeastTenMessages(string language)
    {
        var counts = TestData.HeldOut(language).CountBy(u => u.Intent).ToDictionary();

        Assert.All(Enum.GetValues<Intent>(), intent => Assert.True(counts.GetValueOrDefault(intent) >= 10, $"{intent}: {counts.GetValueOrDefault(intent)}"));
    }

    // Folded, letters and digits only: "Dzięki!" and "dzieki" are the same message.
    private static string Comparable(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in TextFolding.Fold(text))
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
