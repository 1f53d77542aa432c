using BillingBot.Billing.Understanding;

namespace BillingBot.Understanding;

/// <summary>
/// Understands Polish and English messages offline: an ML.NET classifier per language, trained once from the shipped
/// utterances (on the first call or in <see cref="WarmUpAsync"/>), plus invoice numbers, months, amounts and dates.
/// Safe to share between threads.
/// </summary>
public sealed class IntentRecognizer : IIntentRecognizer
{
    private readonly UnderstandingOptions options;
    private readonly ILanguageDetector languageDetector;
    private readonly Lazy<Task<TrainedModels>> models;

    public IntentRecognizer(UnderstandingOptions options, TimeProvider time)
        : this(options, time, new LanguageDetector())
    {
    }

    public IntentRecognizer(UnderstandingOptions options, TimeProvider time, ILanguageDetector languageDetector)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(languageDetector);
        options.Validate();
        this.options = options;
        this.languageDetector = languageDetector;

        // Training is CPU work of a second or two: it runs once, off the caller's thread, whoever asks first.
        models = new Lazy<Task<TrainedModels>>(() => Task.Run(() => TrainAsync(time)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Trains the models now rather than on the first message; returns what training took.</summary>
    public async Task<TrainingSummary> WarmUpAsync(CancellationToken cancellationToken) =>
        (await models.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Summary;

    public async Task<UtteranceUnderstanding> RecognizeAsync(string text, string? language, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chosen = language is null
            ? languageDetector.Detect(text) ?? options.FallbackLanguage
            : Languages.FromLocale(language) ?? throw new ArgumentException($"'{language}' is not a language the bot understands (pl or en).", nameof(language));

        var normalized = UtteranceText.Normalize(text);
        if (normalized.Length == 0)
        {
            return new UtteranceUnderstanding(text, chosen, Intent.None, 0, false, [new IntentScore(Intent.None, 0)], UtteranceEntities.None);
        }

        var trained = await models.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var scores = trained.For(chosen).Score(normalized);
        var best = scores[0];
        return new UtteranceUnderstanding(
            text,
            chosen,
            best.Intent,
            best.Score,
            best.Score >= options.ConfidenceThreshold,
            [.. scores.Take(options.TopIntentCount)],
            EntityExtractor.Extract(text, chosen, best.Intent, today));
    }

    private static async Task<TrainedModels> TrainAsync(TimeProvider time)
    {
        var started = time.GetTimestamp();
        var polishCorpus = UtteranceCorpus.LoadTraining(Languages.Polish);
        var englishCorpus = UtteranceCorpus.LoadTraining(Languages.English);

        // The two languages are independent models: train them side by side.
        var polish = Task.Run(() => IntentModel.Train(polishCorpus));
        var english = Task.Run(() => IntentModel.Train(englishCorpus));
        await Task.WhenAll(polish, english).ConfigureAwait(false);
        var summary = new TrainingSummary(polishCorpus.Count, englishCorpus.Count, time.GetElapsedTime(started));
        return new TrainedModels(await polish.ConfigureAwait(false), await english.ConfigureAwait(false), summary);
    }
}
