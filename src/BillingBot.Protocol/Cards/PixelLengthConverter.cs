using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>A length in pixels, written as the schema's "50px".</summary>
internal sealed class PixelLengthConverter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && CardLengths.TryParsePixels(reader.GetString(), out var pixels)
            ? pixels
            : throw new JsonException("A pixel length must be a string like \"50px\".");

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) =>
        writer.WriteStringValue(CardLengths.FormatPixels(value));
}
