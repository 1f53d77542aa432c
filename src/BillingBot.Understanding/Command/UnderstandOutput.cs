using BillingBot.Billing.Understanding;

namespace BillingBot.Understanding.Command;

/// <summary>The JSON the `understand` command prints for one message.</summary>
internal sealed record UnderstandOutput(
    string Text,
    string Language,
    string Intent,
    double Confidence,
    bool IsConfident,
    IReadOnlyList<UnderstandOutput.ScoredIntent> TopIntents,
    UnderstandOutput.EntityValues Entities)
{
    public static UnderstandOutput From(UtteranceUnderstanding understanding) => new(
        understanding.Text,
        understanding.Language,
        understanding.Intent.ToString(),
        Round(understanding.Confidence),
        understanding.IsConfident,
        [.. understanding.TopIntents.Select(s => new ScoredIntent(s.Intent.ToString(), Round(s.Score)))],
        new EntityValues(
            understanding.Entities.InvoiceNumbers,
            [.. understanding.Entities.Months.Select(m => m.ToString())],
            [.. understanding.Entities.Amounts.Select(a => new Amount(a.Value, a.Currency))],
            [.. understanding.Entities.Dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]));

    private static double Round(double score) => Math.Round(score, 4);

    /// <summary>One intent's score.</summary>
    internal sealed record ScoredIntent(string Intent, double Score);

    /// <summary>An amount and its currency, when named.</summary>
    internal sealed record Amount(decimal Value, string? Currency);

    /// <summary>The entities, months as yyyy-MM and dates as yyyy-MM-dd.</summary>
    internal sealed record EntityValues(IReadOnlyList<string> InvoiceNumbers, IReadOnlyList<string> Months, IReadOnlyList<Amount> Amounts, IReadOnlyList<string> Dates);
}
