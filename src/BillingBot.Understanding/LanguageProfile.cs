namespace BillingBot.Understanding;

/// <summary>How often each feature occurs in one language's texts, with add-one smoothing.</summary>
internal sealed class LanguageProfile
{
    private readonly Dictionary<string, int> counts;
    private readonly double logTotal;

    private LanguageProfile(Dictionary<string, int> counts)
    {
        this.counts = counts;
        logTotal = Math.Log(counts.Values.Sum() + counts.Count + 1);
    }

    public static LanguageProfile Learn(IEnumerable<string> features)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            counts[feature] = counts.GetValueOrDefault(feature) + 1;
        }

        return new LanguageProfile(counts);
    }

    public bool Has(string feature) => counts.ContainsKey(feature);

    public double LogLikelihood(string feature) => Math.Log(counts.GetValueOrDefault(feature) + 1) - logTotal;
}
