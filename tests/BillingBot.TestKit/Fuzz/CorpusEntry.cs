using System.Text.Json.Nodes;

namespace BillingBot.TestKit.Fuzz;

/// <summary>One real-shaped Teams activity of the fuzz corpus, by a name that says what it is.</summary>
public sealed record CorpusEntry(string Name, JsonObject Activity)
{
    public override string ToString() => Name;
}
