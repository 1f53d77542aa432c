using System.Text.Json.Serialization;

namespace BillingBot.Storage.Billing;

/// <summary>The JSON of the lists kept in one property (a customer's contacts, an invoice's lines).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<StoredContact>))]
[JsonSerializable(typeof(List<StoredLine>))]
internal sealed partial class BillingJson : JsonSerializerContext;

/// <summary>A billing contact as stored.</summary>
internal sealed record StoredContact(string ObjectId, string Name, string Email, string Role);

/// <summary>An invoice line as stored: money in minor units of the invoice's currency.</summary>
internal sealed record StoredLine(string Product, decimal Quantity, long AmountMinor);
