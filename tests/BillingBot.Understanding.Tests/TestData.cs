using BillingBot.Understanding;

namespace BillingBot.Understanding.Tests;

/// <summary>The held-out utterance files copied next to the tests.</summary>
internal static class TestData
{
    public static IReadOnlyList<LabeledUtterance> HeldOut(string language)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", $"heldout.{language}.tsv");
        using var reader = new StreamReader(path);
        return UtteranceCorpus.Parse(reader, path);
    }
}
