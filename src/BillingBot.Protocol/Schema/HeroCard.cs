using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>A card with a title, text and buttons; Teams renders its imBack buttons in every scope.</summary>
public sealed class HeroCard
{
    /// <summary>The attachment content type of a hero card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.hero";

    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("subtitle")] public string? Subtitle { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("buttons")] public IList<CardAction>? Buttons { get; set; }
    [JsonPropertyName("tap")] public CardAction? Tap { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>This card as an activity attachment.</summary>
    public Attachment ToAttachment() => new() { ContentType = ContentType, Content = this };
}
