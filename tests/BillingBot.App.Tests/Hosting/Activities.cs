using System.Text.Json.Nodes;

namespace BillingBot.App.Tests.Hosting;

/// <summary>Real-shaped Teams activities addressed to the fake channel.</summary>
public static class Activities
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:" + BotHost.AppId;
    public const string UserId = "29:1k3l9ZqXyP-anna";
    public const string UserAadId = "6b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

    /// <summary>A conversation id of its own, so that tests sharing a fake channel do not see each other's replies.</summary>
    public static string NewConversationId() => "a:1" + Guid.NewGuid().ToString("N");

    public static JsonObject Message(Uri serviceUrl, string conversationId, string text, string locale = "en-US", string? id = null) =>
        Base("message", serviceUrl, conversationId, id, locale, new JsonObject { ["text"] = text, ["textFormat"] = "plain" });

    public static JsonObject InstallationUpdate(Uri serviceUrl, string conversationId, string action, string locale = "pl-PL") =>
        Base("installationUpdate", serviceUrl, conversationId, null, locale, new JsonObject { ["action"] = action });

    public static JsonObject BotAdded(Uri serviceUrl, string conversationId, string locale = "en-US") =>
        Base("conversationUpdate", serviceUrl, conversationId, null, locale, new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = UserId }, new JsonObject { ["id"] = BotId }),
        });

    public static JsonObject Base(string type, Uri serviceUrl, string conversationId, string? id, string locale, JsonObject extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? Guid.NewGuid().ToString(),
            ["timestamp"] = "2026-11-25T09:12:44.123Z",
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl.ToString(),
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Anna Kowalska", ["aadObjectId"] = UserAadId },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = conversationId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "BillingBot" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = locale,
        };
        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            activity[key] = value;
        }

        return activity;
    }
}
