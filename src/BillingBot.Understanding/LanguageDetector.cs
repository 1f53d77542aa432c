using BillingBot.Billing.Understanding;
using BillingBot.Recognizers;

namespace BillingBot.Understanding;

/// <summary>
/// Tells Polish from English, also in two-word messages and in Polish typed without diacritics ("ile jestem winien",
/// "dzieki"): a naive Bayes over whole words and letter trigrams, learnt from the shipped utterances of both languages.
/// </summary>
public sealed class LanguageDetector : ILanguageDetector
{
    // Below this difference in log-likelihood (nats) the text is too weak a clue ("ok", "super").
    private const double DecisiveMargin = 1.0;

    private const string PolishLetters = "ąćęłńóśźż";

    // A whole word weighs more than one of its letter trigrams: it is the strongest clue in a short message.
    private const double WordWeight = 2.0;

    private const string WordPrefix = "w:";

    private readonly LanguageProfile polish;
    private readonly LanguageProfile english;

    /// <summary>A detector that knows the vocabulary of the shipped training utterances.</summary>
    public LanguageDetector()
        : this(UtteranceCorpus.LoadTraining(Languages.Polish).Select(u => u.Text), UtteranceCorpus.LoadTraining(Languages.English).Select(u => u.Text))
    {
    }

    internal LanguageDetector(IEnumerable<string> polishTexts, IEnumerable<string> englishTexts)
    {
        polish = LanguageProfile.Learn(polishTexts.SelectMany(Features));
        english = LanguageProfile.Learn(englishTexts.SelectMany(Features));
    }

    public string? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.ToLowerInvariant().AsSpan().IndexOfAny(PolishLetters) >= 0)
        {
            return Languages.Polish;
        }

        var margin = 0.0;
        foreach (var feature in Features(text))
        {
            // A feature neither language has seen says nothing; smoothing it would only favour the smaller corpus.
            if (polish.Has(feature) || english.Has(feature))
            {
                var weight = feature.StartsWith(WordPrefix, StringComparison.Ordinal) ? WordWeight : 1.0;
                margin += weight * (polish.LogLikelihood(feature) - english.LogLikelihood(feature));
            }
        }

        return margin >= DecisiveMargin ? Languages.Polish
            : margin <= -DecisiveMargin ? Languages.English
            : null;
    }

    private static IEnumerable<string> Features(string text)
    {
        foreach (var word in UtteranceText.Words(TextFolding.Fold(text)))
        {
            yield return WordPrefix + word;
            var padded = "<" + word + ">";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                yield return padded.Substring(i, 3);
            }
        }
    }
}
