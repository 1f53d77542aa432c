using System.Text.Json.Nodes;
using BillingBot.App.Tests.Hosting;

namespace BillingBot.App.Tests.Conversations;

/// <summary>An app under test that a <see cref="Chat"/> talks to over HTTP: its fake Teams channel, and how to post an activity.</summary>
public interface IChatHost
{
    BotEnvironment Env { get; }

    /// <summary>Posts an activity and checks that the bot accepted it.</summary>
    Task PostAsync(JsonObject activity);

    /// <summary>Posts an activity and returns the HTTP response body (an invoke's answer).</summary>
    Task<JsonNode?> PostForBodyAsync(JsonObject activity);
}
