using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Opens a URL in the browser (Action.OpenUrl); the bot is not told.</summary>
public sealed record AdaptiveOpenUrlAction : AdaptiveAction, IAdaptiveSelectAction
{
    public const string TypeName = "Action.OpenUrl";

    [JsonPropertyName("url")] public required Uri Url { get; init; }
}
