using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BillingBot.Protocol.Schema;

/// <summary>The JSON settings of the protocol: camelCase, nulls omitted, unknown fields kept.</summary>
public static class ProtocolJson
{
    /// <summary>Shared options; protocol types and cards come from the source-generated context, anything else by reflection.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Teams text is shown to people; keep non-ASCII readable and let the HTTP layer do the escaping.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ProtocolJsonContext.Default, new DefaultJsonTypeInfoResolver()),
            MaxDepth = 64,
            // A card or an activity written by hand need not put "type" first.
            AllowOutOfOrderMetadataProperties = true,
        };
        options.MakeReadOnly();
        return options;
    }
}
