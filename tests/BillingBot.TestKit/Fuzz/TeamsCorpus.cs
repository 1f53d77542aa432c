using System.Text.Json.Nodes;

namespace BillingBot.TestKit.Fuzz;

/// <summary>
/// The shapes of activity Teams posts to a bot, as it posts them (field for field, as recorded from Teams and the
/// Agents Playground), addressed to a service URL: the seed corpus that the fuzzers mutate.
/// </summary>
public static class TeamsCorpus
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:4a1b2c3d-0000-4000-8000-00000000b07a";
    public const string BotName = "BillingBot";
    public const string UserId = "29:1k3l9ZqXyP-anna";
    public const string UserObjectId = "6b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    public const string TeamId = "19:teamroot@thread.tacv2";
    public const string ChannelId = "19:e1c2a3b4d5@thread.tacv2";

    private static readonly (string Name, Func<Uri, string, JsonObject> Build)[] Shapes =
    [
        ("personal message (pl)", (url, id) => PersonalMessage(url, id, "czy faktura FV/2026/10/017 jest opłacona?", "pl-PL")),
        ("personal message (en)", (url, id) => PersonalMessage(url, id, "help", "en-US")),
        ("channel message with a mention", ChannelMention),
        ("group chat message with a mention", GroupChat),
        ("Action.Submit of an invoice button", (url, id) => ActionSubmit(url, id, new JsonObject { ["action"] = "showInvoice", ["invoice"] = "FV/2026/10/017" })),
        ("Action.Submit of talk to a person", (url, id) => ActionSubmit(url, id, new JsonObject { ["action"] = "talkToPerson", ["reason"] = "notUnderstood" })),
        ("bot added to a personal chat", BotAdded),
        ("bot added to a team", TeamInstall),
        ("bot removed", BotRemoved),
        ("installationUpdate add", (url, id) => Installation(url, id, "add")),
        ("installationUpdate remove", (url, id) => Installation(url, id, "remove")),
        ("adaptiveCard/action invoke", CardAction),
        ("messageReaction", Reaction),
        ("typing", (url, id) => Base("typing", url, id, Personal(id), "en-US")),
        ("messageUpdate", Edited),
        ("messageDelete", Deleted),
        ("read receipt event", ReadReceipt),
        ("endOfConversation", (url, id) => Base("endOfConversation", url, id, Personal(id), "en-US")),
    ];

    /// <summary>The names of the shapes, by index.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Shapes.Select(s => s.Name)];

    /// <summary>
    /// Shape number <paramref name="index"/>, addressed to <paramref name="serviceUrl"/>; <paramref name="unique"/>
    /// makes its activity id and conversation id its own, so that no two inputs share state or replies.
    /// </summary>
    public static CorpusEntry Build(int index, Uri serviceUrl, string unique)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(unique);
        var (name, build) = Shapes[index];
        return new CorpusEntry(name, build(serviceUrl, unique));
    }

    /// <summary>Every shape, addressed to <paramref name="serviceUrl"/>, each with ids of its own.</summary>
    public static IReadOnlyList<CorpusEntry> Entries(Uri serviceUrl, string unique) =>
        [.. Enumerable.Range(0, Shapes.Length).Select(i => Build(i, serviceUrl, unique + "-" + i))];

    public static JsonObject PersonalMessage(Uri serviceUrl, string unique, string text, string locale)
    {
        var activity = Base("message", serviceUrl, unique, Personal(unique), locale);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/html", ["content"] = $"<div>{text}</div>" });
        activity["localTimestamp"] = "2026-11-25T10:12:44.1234567+01:00";
        activity["localTimezone"] = "Europe/Warsaw";
        return activity;
    }

    private static JsonObject ChannelMention(Uri serviceUrl, string unique)
    {
        var activity = Base("message", serviceUrl, unique, ChannelThread(unique), "en-US");
        activity["text"] = $"<at>{BotName}</at> show invoice FV/2026/10/017\n";
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(Mention(), ClientInfo("en-US"));
        activity["channelData"] = TeamChannelData();
        return activity;
    }

    private static JsonObject GroupChat(Uri serviceUrl, string unique)
    {
        var activity = Base("message", serviceUrl, unique, new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "groupChat",
            ["tenantId"] = TenantId,
            ["id"] = "19:meeting_" + unique + "@thread.v2",
        }, "pl-PL");
        activity["text"] = $"<at>{BotName}</at> ile jestem winien?";
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(Mention());
        return activity;
    }

    private static JsonObject ActionSubmit(Uri serviceUrl, string unique, JsonObject value)
    {
        var activity = Base("message", serviceUrl, unique, Personal(unique), "en-US");
        activity["replyToId"] = "1732525999000";
        activity["value"] = value;
        activity["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
        activity["channelData"]!["legacy"] = new JsonObject { ["replyToId"] = "1:1abc" };
        return activity;
    }

    private static JsonObject BotAdded(Uri serviceUrl, string unique)
    {
        var activity = Base("conversationUpdate", serviceUrl, unique, Personal(unique), "pl-PL");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = UserId, ["aadObjectId"] = UserObjectId }, new JsonObject { ["id"] = BotId });
        return activity;
    }

    private static JsonObject TeamInstall(Uri serviceUrl, string unique)
    {
        var activity = Base("conversationUpdate", serviceUrl, unique, Channel("19:" + unique + "@thread.tacv2"), "en-US");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        var data = TeamChannelData();
        data["eventType"] = "teamMemberAdded";
        data["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = ChannelId } };
        activity["channelData"] = data;
        return activity;
    }

    private static JsonObject BotRemoved(Uri serviceUrl, string unique)
    {
        var activity = Base("conversationUpdate", serviceUrl, unique, Personal(unique), "en-US");
        activity["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = BotId });
        activity["channelData"]!["eventType"] = "teamMemberRemoved";
        return activity;
    }

    private static JsonObject Installation(Uri serviceUrl, string unique, string action)
    {
        var activity = Base("installationUpdate", serviceUrl, unique, Personal(unique), "pl-PL");
        activity["action"] = action;
        activity["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
        return activity;
    }

    private static JsonObject CardAction(Uri serviceUrl, string unique)
    {
        var activity = Base("invoke", serviceUrl, unique, Personal(unique), "pl-PL");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "1732525999000";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = "Przypomnij później",
                ["id"] = "later",
                ["verb"] = "reminder.later",
                ["data"] = new JsonObject { ["invoice"] = "FV/2026/10/017", ["kind"] = "Overdue", ["stage"] = "after-3", ["offset"] = 3, ["date"] = "2026-11-16", ["lang"] = "pl", ["later"] = "2026-11-30" },
            },
            ["trigger"] = "manual",
        };
        return activity;
    }

    private static JsonObject Reaction(Uri serviceUrl, string unique)
    {
        var activity = Base("messageReaction", serviceUrl, unique, Personal(unique), "en-US");
        activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
        activity["replyToId"] = "1732525999000";
        return activity;
    }

    private static JsonObject Edited(Uri serviceUrl, string unique)
    {
        var activity = Base("messageUpdate", serviceUrl, unique, Personal(unique), "en-US");
        activity["text"] = "ile jestem winien??";
        activity["textFormat"] = "plain";
        activity["channelData"]!["eventType"] = "editMessage";
        return activity;
    }

    private static JsonObject Deleted(Uri serviceUrl, string unique)
    {
        var activity = Base("messageDelete", serviceUrl, unique, Personal(unique), "en-US");
        activity["channelData"]!["eventType"] = "softDeleteMessage";
        return activity;
    }

    private static JsonObject ReadReceipt(Uri serviceUrl, string unique)
    {
        var activity = Base("event", serviceUrl, unique, Personal(unique), "en-US");
        activity["name"] = "application/vnd.microsoft.readReceipt";
        activity["value"] = new JsonObject { ["lastReadMessageId"] = "1732525999000" };
        return activity;
    }

    private static JsonObject Base(string type, Uri serviceUrl, string unique, JsonObject conversation, string locale) => new()
    {
        ["type"] = type,
        ["id"] = "f:" + unique,
        ["timestamp"] = "2026-11-25T09:12:44.123Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl.ToString(),
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Anna Kowalska", ["aadObjectId"] = UserObjectId },
        ["conversation"] = conversation,
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["entities"] = new JsonArray(ClientInfo(locale)),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["locale"] = locale,
    };

    private static JsonObject Personal(string unique) => new() { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = "a:1" + unique };

    private static JsonObject Channel(string channelId) => new() { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = TenantId, ["id"] = channelId };

    private static JsonObject ChannelThread(string unique) => new()
    {
        ["isGroup"] = true,
        ["conversationType"] = "channel",
        ["tenantId"] = TenantId,
        ["id"] = ChannelId + ";messageid=" + unique,
        ["name"] = "Billing escalations",
    };

    private static JsonObject TeamChannelData() => new()
    {
        ["teamsChannelId"] = ChannelId,
        ["teamsTeamId"] = TeamId,
        ["channel"] = new JsonObject { ["id"] = ChannelId },
        ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Partner Support", ["aadGroupId"] = "a1b2c3d4-0000-4000-8000-000000000001" },
        ["tenant"] = new JsonObject { ["id"] = TenantId },
    };

    private static JsonObject Mention() => new()
    {
        ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["text"] = $"<at>{BotName}</at>",
        ["type"] = "mention",
    };

    private static JsonObject ClientInfo(string locale) => new()
    {
        ["locale"] = locale,
        ["country"] = locale[^2..],
        ["platform"] = "Web",
        ["timezone"] = "Europe/Warsaw",
        ["type"] = "clientInfo",
    };
}
