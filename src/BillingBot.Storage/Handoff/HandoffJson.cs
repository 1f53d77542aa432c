using System.Text.Json.Serialization;

namespace BillingBot.Storage.Handoff;

/// <summary>The JSON of the lists a hand-off keeps in one property: its invoice numbers and its transcript seed.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<StoredMessage>))]
internal sealed partial class HandoffJson : JsonSerializerContext;
