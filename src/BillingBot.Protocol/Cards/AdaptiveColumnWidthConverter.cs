using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Writes a column width as the schema wants it: a number for a weight, otherwise a string.</summary>
internal sealed class AdaptiveColumnWidthConverter : JsonConverter<AdaptiveColumnWidth>
{
    public override AdaptiveColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt32(out var weight) && weight > 0
                ? AdaptiveColumnWidth.Weight(weight)
                : throw new JsonException("A column weight must be a positive whole number.");
        }

        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return AdaptiveColumnWidth.Auto;
        }

        if (string.Equals(text, "stretch", StringComparison.OrdinalIgnoreCase))
        {
            return AdaptiveColumnWidth.Stretch;
        }

        return CardLengths.TryParsePixels(text, out var pixels)
            ? AdaptiveColumnWidth.Pixels(pixels)
            : throw new JsonException("A column width must be \"auto\", \"stretch\", a weight or \"<n>px\".");
    }

    public override void Write(Utf8JsonWriter writer, AdaptiveColumnWidth value, JsonSerializerOptions options)
    {
        if (value.Keyword == "weight")
        {
            writer.WriteNumberValue(value.Value);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
