using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Unfolds another card under the actions (Action.ShowCard); not allowed as a selectAction.</summary>
public sealed record AdaptiveShowCardAction : AdaptiveAction
{
    public const string TypeName = "Action.ShowCard";

    [JsonPropertyName("card")] public required AdaptiveCard Card { get; init; }
}
