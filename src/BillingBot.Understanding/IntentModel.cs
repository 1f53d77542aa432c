using System.Collections.Concurrent;
using BillingBot.Billing.Understanding;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace BillingBot.Understanding;

/// <summary>One language's intent classifier: text features (word 1-2-grams, char 3-grams) and a maximum entropy model.</summary>
internal sealed class IntentModel
{
    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly Intent[] intentBySlot;

    // A PredictionEngine is not thread-safe: each call rents its own and returns it, so at most one engine
    // per concurrent caller is ever built.
    private readonly ConcurrentBag<PredictionEngine<UtteranceInput, IntentPrediction>> engines = [];

    private IntentModel(MLContext ml, ITransformer model)
    {
        this.ml = ml;
        this.model = model;
        var engine = CreateEngine();
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema[nameof(IntentPrediction.Score)].GetSlotNames(ref slotNames);
        intentBySlot = [.. slotNames.DenseValues().Select(name => Enum.Parse<Intent>(name.Span))];
        engines.Add(engine);
    }

    public static IntentModel Train(IReadOnlyList<LabeledUtterance> examples)
    {
        // A fixed seed and one thread make training deterministic: the same corpus gives the same answers.
        var ml = new MLContext(seed: 1);
        var rows = examples.Select(e => new UtteranceInput { Label = e.Intent.ToString(), Text = UtteranceText.Normalize(e.Text) });
        var data = ml.Data.LoadFromEnumerable(rows);
        var featurizer = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurizer, nameof(UtteranceInput.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                NumberOfThreads = 1,
            }));
        return new IntentModel(ml, pipeline.Fit(data));
    }

    /// <summary>Every intent's probability for a normalised text, best first.</summary>
    public IReadOnlyList<IntentScore> Score(string normalizedText)
    {
        if (!engines.TryTake(out var engine))
        {
            engine = CreateEngine();
        }

        try
        {
            var scores = engine.Predict(new UtteranceInput { Text = normalizedText }).Score;
            return [.. scores.Select((score, slot) => new IntentScore(intentBySlot[slot], score)).OrderByDescending(s => s.Score)];
        }
        finally
        {
            engines.Add(engine);
        }
    }

    private PredictionEngine<UtteranceInput, IntentPrediction> CreateEngine() =>
        ml.Model.CreatePredictionEngine<UtteranceInput, IntentPrediction>(model);
}
