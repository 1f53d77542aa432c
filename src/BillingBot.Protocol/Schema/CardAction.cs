using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>A button on a card or a suggested action; an imBack posts <see cref="Value"/> back as the user's message.</summary>
public sealed class CardAction
{
    public CardAction() { }

    public CardAction(string type, string title, object? value)
    {
        Type = type;
        Title = title;
        Value = value;
    }

    /// <summary>One of <see cref="ActionTypes"/>.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("image")] public string? Image { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("displayText")] public string? DisplayText { get; set; }
    /// <summary>What the action sends: the message text for imBack, a payload for messageBack and postBack, a URL for openUrl.</summary>
    [JsonPropertyName("value")] public object? Value { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
