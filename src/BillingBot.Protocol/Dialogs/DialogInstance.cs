using System.Text.Json.Serialization;

namespace BillingBot.Protocol.Dialogs;

/// <summary>
/// One entry of the dialog stack: the dialog's id and its state. The state is stored as JSON between turns, so a
/// value read back in a later turn is a <see cref="System.Text.Json.JsonElement"/>; read it with
/// <see cref="DialogStateValues.Get{T}(IDictionary{string, object?}, string)"/>.
/// </summary>
public sealed class DialogInstance
{
    public DialogInstance() { }

    public DialogInstance(string id) => Id = id;

    [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;

    [JsonPropertyName("state")] public IDictionary<string, object?> State { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
