using System.Text.Json.Serialization;

namespace BillingBot.Understanding.Command;

/// <summary>Source-generated JSON for the `understand` command's output.</summary>
[JsonSerializable(typeof(UnderstandOutput))]
internal sealed partial class UnderstandJsonContext : JsonSerializerContext;
