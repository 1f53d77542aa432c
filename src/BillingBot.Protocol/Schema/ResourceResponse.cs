using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Schema;

/// <summary>The id the channel assigned to an activity it accepted.</summary>
public sealed record ResourceResponse([property: JsonPropertyName("id")] string? Id);
