using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>
/// Sends the card's input values merged into <see cref="Data"/> to the bot as a message activity's value
/// (Action.Submit). Put a <see cref="TeamsSubmitData"/> in Data to make Teams send imBack or messageBack instead.
/// </summary>
public sealed record AdaptiveSubmitAction : AdaptiveAction, IAdaptiveSelectAction
{
    public const string TypeName = "Action.Submit";

    /// <summary>Any JSON object (a record, a dictionary, a JsonElement); inputs are merged into it.</summary>
    [JsonPropertyName("data")] public object? Data { get; init; }

    [JsonPropertyName("associatedInputs")] public AdaptiveAssociatedInputs? AssociatedInputs { get; init; }
}
