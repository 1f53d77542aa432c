using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>The "msteams" object inside Action.Submit data: how Teams delivers the click.</summary>
public sealed record TeamsCardAction
{
    [JsonPropertyName("type")] public required TeamsCardActionType Type { get; init; }

    /// <summary>imBack: the text to post; messageBack and invoke: the payload (activity.value); signin: the URL.</summary>
    [JsonPropertyName("value")] public object? Value { get; init; }

    /// <summary>messageBack: the text the bot receives (activity.text).</summary>
    [JsonPropertyName("text")] public string? Text { get; init; }

    /// <summary>messageBack: the text shown in the chat as the user's message.</summary>
    [JsonPropertyName("displayText")] public string? DisplayText { get; init; }
}
