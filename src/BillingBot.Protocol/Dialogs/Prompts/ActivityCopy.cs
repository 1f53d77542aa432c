using System.Text.Json;
using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Dialogs;

/// <summary>Deep copies of activities: sending addresses (mutates) an activity, and a prompt's saved options must not change.</summary>
internal static class ActivityCopy
{
    public static Activity Of(Activity activity) =>
        JsonSerializer.Deserialize<Activity>(JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options), ProtocolJson.Options)!;
}
