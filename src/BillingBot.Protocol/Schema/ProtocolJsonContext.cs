using System.Text.Json.Serialization;
using BillingBot.Protocol.Cards;

namespace BillingBot.Protocol.Schema;

/// <summary>Source-generated serializers for the protocol's hot types.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ChannelAccount))]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(HeroCard))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
