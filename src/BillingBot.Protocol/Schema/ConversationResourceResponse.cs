using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>The answer to creating a conversation.</summary>
public sealed record ConversationResourceResponse(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("activityId")] string? ActivityId = null,
    [property: JsonPropertyName("serviceUrl")] string? ServiceUrl = null);
