using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BillingBot.Protocol.Cards;

/// <summary>Serializes a concretely typed action through <see cref="AdaptiveAction"/> so it keeps its "type".</summary>
internal sealed class AsAdaptiveActionConverter<TAction> : JsonConverter<TAction>
    where TAction : AdaptiveAction
{
    public override TAction? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, BaseTypeInfo(options)) switch
        {
            TAction action => action,
            null => null,
            var other => throw new JsonException($"Expected {typeof(TAction).Name} but found {other.GetType().Name}."),
        };

    public override void Write(Utf8JsonWriter writer, TAction value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, BaseTypeInfo(options));

    private static JsonTypeInfo<AdaptiveAction> BaseTypeInfo(JsonSerializerOptions options) =>
        (JsonTypeInfo<AdaptiveAction>)options.GetTypeInfo(typeof(AdaptiveAction));
}
