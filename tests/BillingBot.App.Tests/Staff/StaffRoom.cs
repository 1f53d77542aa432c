using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.App.Tests.Conversations;
using BillingBot.App.Tests.Hosting;
using BillingBot.App.Tests.Suspensions;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Tests.Staff;

/// <summary>
/// The partner's side of the app for staff tests: <see cref="PartnerStaff"/> (a billing admin and a support agent)
/// plus a configured user-management admin, an agents' channel of its own (so rooms sharing one fake Teams channel do
/// not see each other's posts) and its own tables, unless a room is opened on another's tables, as a second instance
/// of the app would be. Staff write in channels of the partner's team, in a thread or in their personal chat.
/// </summary>
public sealed class StaffRoom : IAsyncDisposable
{
    public const string PartnerTenant = PartnerStaff.PartnerTenant;
    public const string TeamId = "19:team-staff5f1d2c3b@thread.tacv2";
    public const string UserAdminObjectId = "0a1b2c3d-3333-4e5f-8a9b-0c1d2e3f4a5b";
    public const string UserAdminName = "Maria Zielińska";
    public const string BillingAdminObjectId = PartnerStaff.AdminObjectId;
    public const string BillingAdminName = PartnerStaff.AdminName;
    public const string AgentObjectId = PartnerStaff.AgentObjectId;

    private readonly HttpClient _http;

    private StaffRoom(BotEnvironment env, BotHost host, string? channelId)
    {
        Env = env;
        Host = host;
        ChannelId = channelId;
        _http = host.CreateHttpClient();
    }

    public BotEnvironment Env { get; }

    public BotHost Host { get; }

    /// <summary>The configured agents' channel, or null when the room has none configured.</summary>
    public string? ChannelId { get; }

    /// <summary>The table prefix, for a second instance on the same tables.</summary>
    public string TablePrefix => Host.TablePrefix;

    /// <summary>A new channel id of the partner's team.</summary>
    public static string NewChannelId() => "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";

    /// <summary>
    /// Opens a room: the partner's staff with a configured user-management admin and a new configured agents' channel.
    /// <paramref name="tablePrefix"/> opens it on another room's tables (a second instance); <paramref name="change"/>
    /// edits the settings (set a key to null to drop it).
    /// </summary>
    public static StaffRoom Open(BotEnvironment env, string? tablePrefix = null, string? channelId = null, Action<Dictionary<string, string?>>? change = null)
    {
        var settings = PartnerStaff.Settings();
        // An index of its own, so that the members PartnerStaff lists keep theirs.
        settings["Staff:Members:9:ObjectId"] = UserAdminObjectId;
        settings["Staff:Members:9:Name"] = UserAdminName;
        settings["Staff:Members:9:Roles:0"] = "UserManagementAdmin";
        settings["Agents:ChannelId"] = channelId ?? NewChannelId();
        if (tablePrefix is not null)
        {
            settings["Storage:TablePrefix"] = tablePrefix;
        }

        change?.Invoke(settings);
        foreach (var key in settings.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            settings.Remove(key);
        }

        var host = new BotHost(env.Azurite, settings: settings);
        return new StaffRoom(env, host, settings.GetValueOrDefault("Agents:ChannelId"));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>Someone adds the bot to a channel of a team: it keeps the channel's reference and greets there.</summary>
    /// <returns>What the bot then posted in the channel.</returns>
    public async Task<IReadOnlyList<Activity>> InstallInChannelAsync(string channelId, string byObjectId, string locale = "en-US", string tenantId = PartnerTenant)
    {
        var before = Env.ActivitiesSentTo(channelId).Count;
        await PostAsync(PartnerStaff.ChannelInstall(Env.Channel.ServiceUrl, channelId, byObjectId, locale, tenantId, teamId: TeamId));
        return [.. Env.ActivitiesSentTo(channelId).Skip(before)];
    }

    /// <summary>
    /// A new post in a channel that @mentions the bot (and, optionally, people: their Teams ids and names); returns
    /// the text of everything the bot answered in the post's thread.
    /// </summary>
    public async Task<string> SayInChannelAsync(string channelId, string fromObjectId, string text, string locale = "en-US",
        string tenantId = PartnerTenant, params (string TeamsId, string Name)[] mentioned)
    {
        var thread = channelId + ";messageid=" + Random.Shared.NextInt64(1_700_000_000_000, 1_800_000_000_000);
        var message = Activities.Message(Env.Channel.ServiceUrl, thread, "<at>BillingBot</at> " + text, locale);
        message["from"] = new JsonObject { ["id"] = "29:" + fromObjectId, ["name"] = "Someone", ["aadObjectId"] = fromObjectId };
        message["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = tenantId, ["id"] = thread };
        message["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = channelId },
            ["tenant"] = new JsonObject { ["id"] = tenantId },
        };
        var entities = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "BillingBot" },
            ["text"] = "<at>BillingBot</at>",
        });
        foreach (var (teamsId, name) in mentioned)
        {
            entities.Add(new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = teamsId, ["name"] = name }, ["text"] = $"<at>{name}</at>" });
        }

        message["entities"] = entities;
        await PostAsync(message);
        return string.Join("\n", Env.ActivitiesSentTo(thread).Select(SeededConversation.Visible));
    }

    /// <summary>A message in the person's personal chat with the bot in the partner's tenant; returns the text of the answers.</summary>
    public async Task<string> SayInPersonalChatAsync(string fromObjectId, string text, string locale = "en-US")
    {
        var conversation = Activities.NewConversationId();
        var message = Activities.Message(Env.Channel.ServiceUrl, conversation, text, locale);
        message["from"] = new JsonObject { ["id"] = "29:" + fromObjectId, ["name"] = "Someone", ["aadObjectId"] = fromObjectId };
        message["conversation"]!["tenantId"] = PartnerTenant;
        message["channelData"]!["tenant"]!["id"] = PartnerTenant;
        await PostAsync(message);
        return string.Join("\n", Env.ActivitiesSentTo(conversation).Select(SeededConversation.Visible));
    }

    /// <summary>A click on an Action.Execute button of a card the bot posted at the top of a channel.</summary>
    public async Task<InvokeAnswer> ClickAsync(string channelId, string fromObjectId, string verb, JsonObject? data = null, string locale = "en-US")
    {
        var invoke = Activities.Base("invoke", Env.Channel.ServiceUrl, channelId, null, locale, new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? [] },
                ["trigger"] = "manual",
            },
        });
        invoke["from"] = new JsonObject { ["id"] = "29:" + fromObjectId, ["name"] = "Someone", ["aadObjectId"] = fromObjectId };
        invoke["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = PartnerTenant, ["id"] = channelId + ";messageid=1765700000009" };
        invoke["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = channelId },
            ["tenant"] = new JsonObject { ["id"] = PartnerTenant },
        };
        using var response = await Host.PostActivityAsync(_http, invoke);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return new InvokeAnswer(response.StatusCode, body!);
    }

    /// <summary>Everything the bot posted at the top of a channel (new threads), as text, in order.</summary>
    public IReadOnlyList<string> PostedIn(string channelId) =>
        [.. Env.RequestsTo(channelId).Where(r => r.Method == "POST" && r.Body is not null)
            .Select(r => SeededConversation.Visible(r.Body!.Deserialize<Activity>(ProtocolJson.Options)!))];

    private async Task PostAsync(JsonObject activity)
    {
        using var response = await Host.PostActivityAsync(_http, activity);
        Assert.True(response.IsSuccessStatusCode, $"The bot answered {(int)response.StatusCode}.");
    }
}
