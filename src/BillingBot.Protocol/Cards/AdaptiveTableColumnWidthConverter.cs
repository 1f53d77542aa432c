using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Writes a table column width as a number (weight) or "<n>px".</summary>
internal sealed class AdaptiveTableColumnWidthConverter : JsonConverter<AdaptiveTableColumnWidth>
{
    public override AdaptiveTableColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt32(out var weight) && weight > 0
                ? AdaptiveTableColumnWidth.Weight(weight)
                : throw new JsonException("A column weight must be a positive whole number.");
        }

        return reader.TokenType == JsonTokenType.String && CardLengths.TryParsePixels(reader.GetString(), out var pixels)
            ? AdaptiveTableColumnWidth.Pixels(pixels)
            : throw new JsonException("A table column width must be a weight or \"<n>px\".");
    }

    public override void Write(Utf8JsonWriter writer, AdaptiveTableColumnWidth value, JsonSerializerOptions options)
    {
        if (value.IsPixels)
        {
            writer.WriteStringValue(value.ToString());
        }
        else
        {
            writer.WriteNumberValue(value.Value);
        }
    }
}
