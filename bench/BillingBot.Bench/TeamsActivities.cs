using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace BillingBot.Bench;

/// <summary>
/// Distinct, valid Teams activities for the load: every request has its own activity id, and each conversation its
/// own personal chat and person of the customer's tenant, so no two turns in flight share a conversation or a user
/// (as in Teams, where one person does not type into one chat from many places at once); conversations spread over
/// the tenants as <c>tenantOf</c> says.
/// </summary>
public sealed class TeamsActivities(Uri serviceUrl, Func<int, string> tenantOf, string botId = "28:billingbot-bench")
{
    /// <summary>The object id of the person in conversation <paramref name="conversation"/>.</summary>
    public static string UserObjectId(int conversation) =>
        string.Create(CultureInfo.InvariantCulture, $"0b0b0b0b-0000-4000-8000-{conversation:000000000000}");

    public static string ConversationId(int conversation) =>
        string.Create(CultureInfo.InvariantCulture, $"a:bench-personal-{conversation:000000}");

    public byte[] Message(int conversation, long sequence, string text, string locale = "en-US") =>
        Serialize(Base("message", conversation, sequence, locale, activity =>
        {
            activity["text"] = text;
            activity["textFormat"] = "plain";
        }));

    /// <summary>A Universal Action (Action.Execute) invoke, as Teams sends when a card is opened or a button pressed.</summary>
    public byte[] Execute(int conversation, long sequence, string verb, JsonObject data, bool refresh, string locale = "en-US") =>
        Serialize(Base("invoke", conversation, sequence, locale, activity =>
        {
            activity["name"] = "adaptiveCard/action";
            activity["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
                ["trigger"] = refresh ? "automatic" : "manual",
            };
        }));

    private JsonObject Base(string type, int conversation, long sequence, string locale, Action<JsonObject> fill)
    {
        var user = UserObjectId(conversation);
        var tenantId = tenantOf(conversation);
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = string.Create(CultureInfo.InvariantCulture, $"1:bench-{conversation}-{sequence}"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["localTimestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["serviceUrl"] = serviceUrl.ToString(),
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:bench-" + user, ["name"] = "Bench User", ["aadObjectId"] = user },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = tenantId, ["id"] = ConversationId(conversation) },
            ["recipient"] = new JsonObject { ["id"] = botId, ["name"] = "BillingBot" },
            ["entities"] = new JsonArray(new JsonObject { ["locale"] = locale, ["country"] = "US", ["platform"] = "Web", ["timezone"] = "Europe/Warsaw", ["type"] = "clientInfo" }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
            ["locale"] = locale,
            ["localTimezone"] = "Europe/Warsaw",
        };
        fill(activity);
        return activity;
    }

    private static byte[] Serialize(JsonObject activity) => Encoding.UTF8.GetBytes(activity.ToJsonString());
}
