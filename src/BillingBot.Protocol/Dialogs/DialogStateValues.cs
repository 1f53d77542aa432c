using System.Text.Json;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Dialogs;

/// <summary>
/// Typed reads of dialog state and waterfall values. Within a turn a value is the object that was stored; in a
/// later turn it comes back from JSON as a <see cref="JsonElement"/>. These reads accept both, keep the typed
/// value in the dictionary (so later changes to a mutable value are saved), and turn a value that no longer
/// deserializes into a <see cref="StaleDialogStackException"/>.
/// </summary>
public static class DialogStateValues
{
    /// <summary>The value under the key as <typeparamref name="T"/>, or default when there is none.</summary>
    public static T? Get<T>(this IDictionary<string, object?> state, string key) =>
        state.TryGet<T>(key, out var value) ? value : default;

    /// <summary>Whether the key holds a value, and that value as <typeparamref name="T"/>.</summary>
    public static bool TryGet<T>(this IDictionary<string, object?> state, string key, out T? value)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.TryGetValue(key, out var stored) || stored is null || stored is JsonElement { ValueKind: JsonValueKind.Null })
        {
            value = default;
            return false;
        }

        value = Convert<T>(stored, key);
        if (stored is JsonElement)
        {
            state[key] = value;
        }

        return true;
    }

    /// <summary>The value under the key, which dialog code relies on; a missing value means the stack is stale.</summary>
    internal static T GetRequired<T>(this IDictionary<string, object?> state, string key, string dialogId) =>
        state.TryGet<T>(key, out var value) && value is not null
            ? value
            : throw new StaleDialogStackException(dialogId, $"its state has no '{key}'");

    /// <summary>An untyped value (a live object or a <see cref="JsonElement"/>) as <typeparamref name="T"/>.</summary>
    internal static T? Convert<T>(object? value, string what)
    {
        try
        {
            return value switch
            {
                null => default,
                T typed => typed,
                JsonElement element => element.Deserialize<T>(ProtocolJson.Options),
                var other => JsonSerializer.SerializeToElement(other, other.GetType(), ProtocolJson.Options).Deserialize<T>(ProtocolJson.Options),
            };
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new StaleDialogStackException(what, $"the saved value does not read as {typeof(T).Name}", ex);
        }
    }
}
