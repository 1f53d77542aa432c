using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Cards;

/// <summary>Input.Time wants "HH:mm"; System.Text.Json would write seconds too.</summary>
internal sealed class TimeOfDayConverter : JsonConverter<TimeOnly>
{
    private const string Format = "HH:mm";

    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeOnly.TryParseExact(reader.GetString(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new JsonException("A time of day must be a string like \"13:45\".");

    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
}
