using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>
/// Sends an adaptiveCard/action invoke with <see cref="Verb"/> and the inputs merged into <see cref="Data"/>
/// (Action.Execute, the Universal Actions model); the bot answers with a card that replaces this one.
/// </summary>
public sealed record AdaptiveExecuteAction : AdaptiveAction, IAdaptiveSelectAction
{
    public const string TypeName = "Action.Execute";

    /// <summary>What the bot should do, for example "refreshInvoiceStatus".</summary>
    [JsonPropertyName("verb")] public string? Verb { get; init; }

    /// <summary>Any JSON object (a record, a dictionary, a JsonElement); inputs are merged into it.</summary>
    [JsonPropertyName("data")] public object? Data { get; init; }

    [JsonPropertyName("associatedInputs")] public AdaptiveAssociatedInputs? AssociatedInputs { get; init; }
}
