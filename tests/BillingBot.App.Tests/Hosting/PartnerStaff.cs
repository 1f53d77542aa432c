using System.Text.Json.Nodes;

namespace BillingBot.App.Tests.Hosting;

/// <summary>The partner as the tests know it: its tenant, its agents' channel, a billing admin and a support agent.</summary>
public static class PartnerStaff
{
    public const string PartnerTenant = "5f1d2c3b-4a59-4e8d-9c7b-6a5f4e3d2c1b";
    public const string ChannelId = "19:agents5f1d2c3b4a59@thread.tacv2";
    public const string AdminObjectId = "0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b";
    public const string AdminName = "Ewa Kamińska";
    public const string AgentObjectId = "0a1b2c3d-2222-4e5f-8a9b-0c1d2e3f4a5b";
    public const string AgentName = "Jan Nowicki";
    public const string SalesObjectId = "0a1b2c3d-5555-4e5f-8a9b-0c1d2e3f4a5b";
    public const string SalesName = "Olga Sprzedawczyk";

    /// <summary>The partner's team in Teams, whose channels the bot is installed in.</summary>
    public const string TeamId = "19:team5f1d2c3b4a59@thread.tacv2";

    /// <summary>
    /// The conversationUpdate Teams sends when someone adds the bot to a team, from the channel they picked: the bot
    /// keeps that channel's reference (and greets there).
    /// </summary>
    public static JsonObject ChannelInstall(Uri serviceUrl, string channelId, string byObjectId, string locale = "en-US", string tenantId = PartnerTenant, string teamName = "Billing", string teamId = TeamId)
    {
        var install = Activities.Base("conversationUpdate", serviceUrl, channelId, null, locale, new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId }),
        });
        install["from"] = new JsonObject { ["id"] = "29:" + byObjectId, ["aadObjectId"] = byObjectId };
        install["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = tenantId, ["id"] = channelId };
        install["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = teamId, ["name"] = teamName },
            ["eventType"] = "teamMemberAdded",
            ["tenant"] = new JsonObject { ["id"] = tenantId },
            ["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = channelId } },
        };
        return install;
    }

    /// <summary>The Staff and Agents settings of a host: the admin (billing admin and support agent), the agent, a sales agent, the channel; hand-off checks run when a test calls them.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Staff:Members:0:ObjectId"] = AdminObjectId,
        ["Staff:Members:0:Name"] = AdminName,
        ["Staff:Members:0:Roles:0"] = "BillingAdmin",
        ["Staff:Members:0:Roles:1"] = "SupportAgent",
        ["Staff:Members:1:ObjectId"] = AgentObjectId,
        ["Staff:Members:1:Name"] = AgentName,
        ["Staff:Members:1:Roles:0"] = "SupportAgent",
        ["Staff:Members:2:ObjectId"] = SalesObjectId,
        ["Staff:Members:2:Name"] = SalesName,
        ["Staff:Members:2:Roles:0"] = "SalesAgent",
        ["Handoff:MonitorEnabled"] = "false",
        ["Agents:TenantId"] = PartnerTenant,
        ["Agents:ChannelId"] = ChannelId,
    };
}
