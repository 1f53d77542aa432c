using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BillingBot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace BillingBot.App.Tests.Hosting;

/// <summary>The endpoint in local dev mode: limits, malformed input, unknown types, re-deliveries, invokes and failing turns.</summary>
public sealed class MessagingEndpointTests : BotHostTestBase
{

    public MessagingEndpointTests(BotEnvironment env)
        : base(env, new BotHost(env.Azurite, services: services =>
        {
            // A bot that fails on "boom", to see what the user is told.
            var real = services.Single(d => d.ServiceType == typeof(IBot));
            services.Remove(real);
            services.AddSingleton<BillingBot.App.Bot.BillingActivityHandler>();
            services.AddSingleton<IBot>(sp => new FailingOnBoom(sp.GetRequiredService<BillingBot.App.Bot.BillingActivityHandler>()));
        }))
    {
    }

    [Fact]
    public async Task The_playground_style_unauthenticated_request_from_loopback_is_answered_in_dev_mode()
    {
        var conversation = Activities.NewConversationId();

        using var response = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, conversation, "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Env.RequestsTo(conversation));
        Assert.Null(reply.Authorization);
    }

    [Fact]
    public async Task Dev_mode_still_refuses_a_request_that_does_not_come_from_loopback()
    {
        var adapter = Host.Services.GetRequiredService<BotAdapter>();
        var conversation = Activities.NewConversationId();
        var body = new MemoryStream(Encoding.UTF8.GetBytes(Activities.Message(Env.Channel.ServiceUrl, conversation, "help").ToJsonString()));

        var result = await adapter.ProcessAsync(new InboundRequest(null, "application/json", body.Length, IPAddress.Parse("203.0.113.7"), body), Host.Services.GetRequiredService<IBot>(), CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
        Assert.Empty(Env.RequestsTo(conversation));
    }

    [Fact]
    public async Task Dev_mode_does_not_send_to_a_service_url_that_is_not_on_loopback()
    {
        var conversation = Activities.NewConversationId();

        using var response = await Host.PostActivityAsync(Http, Activities.Message(new Uri("https://smba.trafficmanager.net.evil.example/teams/"), conversation, "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Env.RequestsTo(conversation));
        Assert.Contains(Host.Logs.Lines, l => l.EventId.Id == 2001);
    }

    [Fact]
    public async Task A_body_over_256_KB_gets_413()
    {
        var activity = Activities.Message(Env.Channel.ServiceUrl, Activities.NewConversationId(), new string('x', 300 * 1024));

        using var response = await Host.PostActivityAsync(Http, activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_over_256_KB_without_a_length_gets_413_too()
    {
        var activity = Activities.Message(Env.Channel.ServiceUrl, Activities.NewConversationId(), new string('x', 300 * 1024));
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(activity.ToJsonString())));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("[1,2,3]")]
    [InlineData("\"message\"")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"not a date\"}")]
    [InlineData("{\"text\":\"no type\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"a:1\"}}")]
    [InlineData("{\"type\":\"message\",\"text\":\"no conversation\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"channelId\":\"msteams\"}")]
    public async Task Malformed_activities_get_400_and_nothing_is_sent(string json)
    {
        var before = Env.Channel.Requests.Count;
        using var response = await Http.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(before, Env.Channel.Requests.Count);
    }

    [Fact]
    public async Task An_activity_whose_addressing_is_larger_than_Teams_ever_sends_gets_400_and_no_turn_fails()
    {
        // Found by fuzzing: a card submit from someone "named" with 60 000 characters failed its turn on storing the
        // conversation reference (one storage property holds 64 KB) and told the user storage was down.
        var conversation = Activities.NewConversationId();
        var activity = Activities.Message(Env.Channel.ServiceUrl, conversation, string.Empty);
        activity.Remove("text");
        activity["value"] = new JsonObject { ["action"] = "talkToPerson", ["reason"] = "notUnderstood" };
        activity["from"]!["name"] = new string(' ', 60_000);

        using var response = await Host.PostActivityAsync(Http, activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Env.RequestsTo(conversation));
        Assert.DoesNotContain(Host.Logs.Lines, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_team_install_naming_a_channel_id_larger_than_Teams_ever_sends_gets_400_and_logs_no_error()
    {
        // Found by fuzzing: the bot greeted, but logged that the channel's reference could not be stored (its owner,
        // the selected channel's id, did not fit a storage property).
        var channel = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var install = PartnerStaff.ChannelInstall(Env.Channel.ServiceUrl, channel, PartnerStaff.AdminObjectId);
        install["channelData"]!["settings"]!["selectedChannel"]!["id"] = string.Concat(Enumerable.Repeat("<at>x", 12_000));

        using var response = await Host.PostActivityAsync(Http, install);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Env.RequestsTo(channel));
        Assert.DoesNotContain(Host.Logs.Lines, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task An_unknown_activity_type_is_acknowledged_and_ignored()
    {
        var conversation = Activities.NewConversationId();
        var activity = Activities.Base("somethingNew", Env.Channel.ServiceUrl, conversation, null, "en-US", new JsonObject { ["text"] = "help" });

        using var response = await Host.PostActivityAsync(Http, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Env.RequestsTo(conversation));
    }

    [Fact]
    public async Task An_activity_that_Teams_delivers_twice_is_processed_once()
    {
        var conversation = Activities.NewConversationId();
        var activity = Activities.Message(Env.Channel.ServiceUrl, conversation, "help", id: "1732527000001");

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Host.PostActivityAsync(Http, activity.DeepClone())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(Env.RequestsTo(conversation));
    }

    [Fact]
    public async Task An_invoke_nobody_handles_gets_501()
    {
        var activity = Activities.Base("invoke", Env.Channel.ServiceUrl, Activities.NewConversationId(), null, "en-US", new JsonObject
        {
            ["name"] = "composeExtension/query",
            ["value"] = new JsonObject { ["commandId"] = "x" },
        });

        using var response = await Host.PostActivityAsync(Http, activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task An_invoke_answer_goes_back_in_the_HTTP_body()
    {
        var activity = Activities.Base("invoke", Env.Channel.ServiceUrl, Activities.NewConversationId(), null, "en-US", new JsonObject
        {
            ["name"] = "test/echo",
            ["value"] = new JsonObject { ["say"] = "hi" },
        });

        using var response = await Host.PostActivityAsync(Http, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("hi", body["echo"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("en-US", "Sorry, something went wrong on my side")]
    [InlineData("pl-PL", "Przepraszam, coś poszło nie tak po mojej stronie")]
    public async Task A_failing_turn_tells_the_user_in_their_language_with_a_reference_and_no_stack_trace(string locale, string apology)
    {
        var conversation = Activities.NewConversationId();

        using var response = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, conversation, "boom", locale));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Assert.Single(Env.TextsSentTo(conversation));
        Assert.StartsWith(apology, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        var failure = Assert.Single(Host.Logs.Lines, l => l.EventId.Id == 3006 && l.Exception!.Contains("kaboom-" + conversation, StringComparison.Ordinal));
        var correlationId = (string)failure.Scope["CorrelationId"]!;
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.EndsWith(correlationId, text, StringComparison.Ordinal);
    }

    private sealed class FailingOnBoom(IBot inner) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var activity = turnContext.Activity;
            if (activity.Text == "boom")
            {
                throw new InvalidOperationException("kaboom-" + activity.Conversation!.Id);
            }

            if (activity.Type == "invoke" && activity.Name == "test/echo")
            {
                var say = ((System.Text.Json.JsonElement)activity.Value!).GetProperty("say").GetString();
                turnContext.InvokeResponse = new BillingBot.Protocol.Schema.InvokeResponse(200, new { echo = say });
                return Task.CompletedTask;
            }

            return inner.OnTurnAsync(turnContext, cancellationToken);
        }
    }
}
