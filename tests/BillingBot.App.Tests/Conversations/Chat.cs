using System.Text.Json.Nodes;
using BillingBot.App.Tests.Hosting;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Tests.Conversations;

/// <summary>One personal chat with the bot: says things, clicks card buttons, and reads what came back.</summary>
public sealed class Chat(IChatHost app, string tenantId, string userObjectId, string locale)
{
    public string ConversationId { get; } = Activities.NewConversationId();

    /// <summary>Sends a message and returns the bot's replies to it.</summary>
    public Task<IReadOnlyList<Activity>> SayAsync(string text) =>
        SendAsync(Activities.Message(app.Env.Channel.ServiceUrl, ConversationId, text, locale));

    /// <summary>Clicks an Action.Submit button: Teams sends a message with the button's data as its value and no text.</summary>
    public Task<IReadOnlyList<Activity>> ClickAsync(JsonObject data)
    {
        var activity = Activities.Message(app.Env.Channel.ServiceUrl, ConversationId, string.Empty, locale);
        activity.Remove("text");
        activity["value"] = data;
        return SendAsync(activity);
    }

    /// <summary>Clicks an Action.Execute button: an adaptiveCard/action invoke; returns the invoke response body.</summary>
    public Task<JsonNode?> ExecuteAsync(string verb, JsonObject data, bool refresh = false)
    {
        var activity = Activities.Base("invoke", app.Env.Channel.ServiceUrl, ConversationId, null, locale, new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = refresh ? "automatic" : "manual",
            },
        });
        Address(activity);
        return app.PostForBodyAsync(activity);
    }

    /// <summary>The text of everything the bot answered, joined.</summary>
    public async Task<string> AskAsync(string text) => string.Join("\n", (await SayAsync(text)).Select(SeededConversation.Visible));

    private async Task<IReadOnlyList<Activity>> SendAsync(JsonObject activity)
    {
        Address(activity);
        var before = app.Env.ActivitiesSentTo(ConversationId).Count;
        await app.PostAsync(activity);
        return [.. app.Env.ActivitiesSentTo(ConversationId).Skip(before)];
    }

    private void Address(JsonObject activity)
    {
        activity["from"]!["aadObjectId"] = userObjectId;
        activity["from"]!["id"] = "29:" + userObjectId;
        activity["conversation"]!["tenantId"] = tenantId;
        activity["channelData"]!["tenant"]!["id"] = tenantId;
    }
}
