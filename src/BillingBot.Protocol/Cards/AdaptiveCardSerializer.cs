using System.Text.Json;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace BillingBot.Protocol.Cards;

/// <summary>Writes and reads cards with the protocol's JSON settings, and wraps them for sending within Teams' size limit.</summary>
public sealed class AdaptiveCardSerializer(IOptions<AdaptiveCardOptions> options)
{
    private readonly AdaptiveCardOptions _options = options.Value;

    /// <summary>A serializer with the default limit.</summary>
    public AdaptiveCardSerializer()
        : this(Options.Create(new AdaptiveCardOptions()))
    {
    }

    /// <summary>The largest card JSON, in UTF-8 bytes, that <see cref="CreateAttachment"/> accepts.</summary>
    public int MaxCardSizeInBytes => _options.MaxCardSizeInBytes;

    /// <summary>The card as JSON text, "type" first in every element and action, nulls omitted.</summary>
    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, ProtocolJson.Options);

    /// <summary>The card as a JSON element.</summary>
    public static JsonElement SerializeToElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, ProtocolJson.Options);

    /// <summary>Reads a card; "type" may come anywhere in an object.</summary>
    /// <exception cref="JsonException">The JSON is not a card this model knows (unknown element type, missing required property).</exception>
    public static AdaptiveCard Deserialize(string json) =>
        JsonSerializer.Deserialize<AdaptiveCard>(json, ProtocolJson.Options) ?? throw new JsonException("The JSON is null, not a card.");

    /// <inheritdoc cref="Deserialize(string)"/>
    public static AdaptiveCard Deserialize(JsonElement json) =>
        json.Deserialize<AdaptiveCard>(ProtocolJson.Options) ?? throw new JsonException("The JSON is null, not a card.");

    /// <summary>
    /// The card of an Adaptive Card attachment, whether it was built here (an <see cref="AdaptiveCard"/>) or
    /// read from the wire (a JsonElement); null for any other attachment.
    /// </summary>
    public static AdaptiveCard? GetCard(Attachment attachment) =>
        attachment.ContentType != AdaptiveCard.ContentType ? null : attachment.Content switch
        {
            AdaptiveCard card => card,
            JsonElement element => Deserialize(element),
            null => null,
            var other => Deserialize(JsonSerializer.SerializeToElement(other, ProtocolJson.Options)),
        };

    /// <summary>The size of the card's JSON in UTF-8 bytes, as it goes over the wire.</summary>
    public static int GetSizeInBytes(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, ProtocolJson.Options).Length;

    /// <summary>Whether the card is within <see cref="MaxCardSizeInBytes"/>.</summary>
    public bool IsWithinLimit(AdaptiveCard card) => GetSizeInBytes(card) <= _options.MaxCardSizeInBytes;

    /// <summary>An attachment carrying the card.</summary>
    /// <exception cref="CardTooLargeException">The card's JSON is over <see cref="MaxCardSizeInBytes"/>.</exception>
    public Attachment CreateAttachment(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var size = GetSizeInBytes(card);
        if (size > _options.MaxCardSizeInBytes)
        {
            throw new CardTooLargeException(size, _options.MaxCardSizeInBytes);
        }

        return new Attachment { ContentType = AdaptiveCard.ContentType, Content = card };
    }

    /// <summary>A message activity carrying the card; <paramref name="summary"/> is what Teams shows in notifications.</summary>
    /// <exception cref="CardTooLargeException">The card's JSON is over <see cref="MaxCardSizeInBytes"/>.</exception>
    public Activity CreateMessage(AdaptiveCard card, string? summary = null) =>
        ActivityExtensions.CreateMessage(CreateAttachment(card), summary);
}
