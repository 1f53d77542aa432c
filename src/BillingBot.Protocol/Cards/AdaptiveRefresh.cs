using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>
/// Asks Teams to refresh the card with an Action.Execute when it is shown, automatically for the listed
/// users (Teams runs it automatically only when the conversation has at most 60 members).
/// </summary>
public sealed record AdaptiveRefresh
{
    // Declared as the derived type, the action would lose its "type", which the renderer needs to parse it.
    [JsonPropertyName("action"), JsonConverter(typeof(AsAdaptiveActionConverter<AdaptiveExecuteAction>))]
    public required AdaptiveExecuteAction Action { get; init; }

    /// <summary>The users (Teams user ids, 29:…, or Entra object ids) whose clients refresh on their own.</summary>
    [JsonPropertyName("userIds")] public IList<string>? UserIds { get; init; }
}
