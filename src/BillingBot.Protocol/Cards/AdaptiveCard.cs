using System.Text.Json.Serialization;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Cards;

/// <summary>An Adaptive Card (schema 1.5, the newest version Teams renders fully): a body of elements and actions.</summary>
public sealed record AdaptiveCard
{
    public const string TypeName = "AdaptiveCard";

    /// <summary>The attachment content type of a card.</summary>
    public const string ContentType = Attachment.AdaptiveCardContentType;

    /// <summary>The schema version cards are written for unless the caller says otherwise.</summary>
    public const string DefaultVersion = "1.5";

    /// <summary>The official schema's address, for the optional $schema property.</summary>
    public static readonly Uri SchemaUri = new("http://adaptivecards.io/schemas/adaptive-card.json");

    [JsonPropertyName("type"), JsonPropertyOrder(-2)] public string Type => TypeName;

    [JsonPropertyName("$schema"), JsonPropertyOrder(-1)] public Uri? Schema { get; init; }

    [JsonPropertyName("version")] public string Version { get; init; } = DefaultVersion;

    [JsonPropertyName("body")] public IList<AdaptiveElement> Body { get; init; } = [];

    /// <summary>The card's buttons; Teams shows at most six.</summary>
    [JsonPropertyName("actions")] public IList<AdaptiveAction>? Actions { get; init; }

    /// <summary>What tapping the card's background does.</summary>
    [JsonPropertyName("selectAction")] public IAdaptiveSelectAction? SelectAction { get; init; }

    [JsonPropertyName("refresh")] public AdaptiveRefresh? Refresh { get; init; }

    /// <summary>Teams' extension: full width and mentions.</summary>
    [JsonPropertyName("msteams")] public TeamsCardProperties? MsTeams { get; init; }

    /// <summary>Shown by clients that cannot render the card, and in notifications.</summary>
    [JsonPropertyName("fallbackText")] public string? FallbackText { get; init; }

    /// <summary>What a voice client reads out (plain text or SSML).</summary>
    [JsonPropertyName("speak")] public string? Speak { get; init; }

    /// <summary>The card's language (ISO 639-1, "pl" or "en"), used to format dates.</summary>
    [JsonPropertyName("lang")] public string? Lang { get; init; }

    [JsonPropertyName("minHeight"), JsonConverter(typeof(PixelLengthConverter))] public int? MinHeightInPixels { get; init; }

    [JsonPropertyName("verticalContentAlignment")] public AdaptiveVerticalContentAlignment? VerticalContentAlignment { get; init; }

    /// <summary>Right-to-left layout; null leaves it to the client.</summary>
    [JsonPropertyName("rtl")] public bool? Rtl { get; init; }
}
