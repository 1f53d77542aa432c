using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A row of buttons inside the body, where the card's own actions would be too far away.</summary>
public sealed record AdaptiveActionSet : AdaptiveElement
{
    public const string TypeName = "ActionSet";

    [JsonPropertyName("actions")] public required IList<AdaptiveAction> Actions { get; init; }
}
