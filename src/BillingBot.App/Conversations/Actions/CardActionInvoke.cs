using System.Text.Json;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Conversations.Actions;

/// <summary>
/// A Universal Action (Action.Execute) as Teams delivers it: an invoke named adaptiveCard/action whose value carries
/// {"action": {"type": "Action.Execute", "verb": "...", "data": {...}}, "trigger": "manual" | "automatic"}.
/// "automatic" is a refresh: the card asks for its current state when someone opens it.
/// </summary>
public sealed record CardActionInvoke(string Verb, JsonElement Data, bool IsRefresh)
{
    public const string InvokeName = "adaptiveCard/action";

    /// <summary>The action of an invoke activity, or null when it is not a well-formed adaptiveCard/action.</summary>
    public static CardActionInvoke? From(Activity activity)
    {
        if (activity.Type != ActivityTypes.Invoke || activity.Name != InvokeName
            || activity.GetValueElement() is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d.Clone() : default;
        var refresh = value.TryGetProperty("trigger", out var trigger) && trigger.ValueKind == JsonValueKind.String && trigger.GetString() == "automatic";
        return new CardActionInvoke(verb.GetString()!, data, refresh);
    }

    /// <summary>A string field of the action's data (inputs are merged into it by Teams), or null.</summary>
    public string? DataString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
