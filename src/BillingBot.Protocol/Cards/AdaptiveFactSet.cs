using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Label and value pairs shown as a two-column list.</summary>
public sealed record AdaptiveFactSet : AdaptiveElement
{
    public const string TypeName = "FactSet";

    [JsonPropertyName("facts")] public required IList<AdaptiveFact> Facts { get; init; }
}
