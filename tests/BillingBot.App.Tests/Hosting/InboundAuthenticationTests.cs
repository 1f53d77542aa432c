using System.Net;
using BillingBot.TestKit.Auth;
using Microsoft.Extensions.Logging;

namespace BillingBot.App.Tests.Hosting;

/// <summary>The forged-token corpus: every one gets a 401 with an empty body and a logged reason; a valid token gets 200.</summary>
public sealed class InboundAuthenticationTests : BotHostTestBase
{
    private static readonly TestSigningKey UnpublishedKey = TestSigningKey.ForTeams("never-published");
    private static readonly TestSigningKey WebChatOnlyKey = new("webchat-only", ["webchat"]);

    public InboundAuthenticationTests(BotEnvironment env)
        : base(env, CreateHost(env))
    {
    }

    private static BotHost CreateHost(BotEnvironment env)
    {
        env.OpenId.AddKey(WebChatOnlyKey);
        return new BotHost(env.Azurite, environment: "Production", appId: BotHost.AppId, openId: env.OpenId);
    }

    public static TheoryData<string> ForgedTokens => new()
    {
        "no header", "not a bearer scheme", "malformed token", "alg none", "unknown key", "wrong issuer", "wrong audience",
        "expired", "not yet valid", "key not endorsed for msteams", "serviceUrl mismatch", "no serviceurl claim",
        "signed by another key under a published kid",
    };

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task A_forged_or_broken_token_gets_401_with_nothing_in_the_body(string forgery)
    {
        var conversation = Activities.NewConversationId();
        var activity = Activities.Message(Env.Channel.ServiceUrl, conversation, "help");
        var valid = new TestTokenBuilder(BotEnvironment.TeamsKey, BotHost.AppId, Env.Channel.ServiceUrl.ToString());
        string? header = forgery switch
        {
            "no header" => null,
            "not a bearer scheme" => "Basic " + Convert.ToBase64String("bot:secret"u8.ToArray()),
            "malformed token" => "Bearer " + TestTokenBuilder.MalformedToken,
            "alg none" => "Bearer " + valid.BuildUnsigned(),
            "unknown key" => "Bearer " + valid.SignedWith(UnpublishedKey).Build(),
            "wrong issuer" => "Bearer " + valid.WithIssuer("https://api.botframework.evil").Build(),
            "wrong audience" => "Bearer " + valid.WithAudience("00000000-1111-2222-3333-444444444444").Build(),
            "expired" => "Bearer " + valid.Expired().Build(),
            "not yet valid" => "Bearer " + valid.NotYetValid().Build(),
            "key not endorsed for msteams" => "Bearer " + valid.SignedWith(WebChatOnlyKey).Build(),
            "serviceUrl mismatch" => "Bearer " + valid.WithServiceUrl("https://smba.trafficmanager.net/amer/").Build(),
            "no serviceurl claim" => "Bearer " + valid.WithoutServiceUrl().Build(),
            "signed by another key under a published kid" => "Bearer " + valid.SignedWith(new TestSigningKey(BotEnvironment.TeamsKey.KeyId, ["msteams"])).Build(),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(Env.RequestsTo(conversation));
        Assert.Contains(Host.Logs.Lines, l => l.EventId.Id == 3003 && l.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task A_valid_token_gets_200_and_the_reply_goes_out_with_the_bots_own_token()
    {
        var conversation = Activities.NewConversationId();
        var token = new TestTokenBuilder(BotEnvironment.TeamsKey, BotHost.AppId, Env.Channel.ServiceUrl.ToString()).Build();

        using var response = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, conversation, "help"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Env.RequestsTo(conversation));
        Assert.Equal("Bearer " + BotHost.OutboundToken, reply.Authorization);
        Assert.Contains("Here is what you can ask me", reply.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_hold_neither_inbound_nor_outbound_tokens_nor_the_app_secret()
    {
        var token = new TestTokenBuilder(BotEnvironment.TeamsKey, BotHost.AppId, Env.Channel.ServiceUrl.ToString()).Build();
        var forged = new TestTokenBuilder(BotEnvironment.TeamsKey, BotHost.AppId, Env.Channel.ServiceUrl.ToString()).WithAudience("someone-else").Build();
        await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, Activities.NewConversationId(), "help"), token);
        await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, Activities.NewConversationId(), "help"), forged);

        var everything = string.Join("\n", Host.Logs.Lines.Select(l => l.Message + l.Exception + string.Join(",", l.Scope.Values)));

        Assert.NotEmpty(Host.Logs.Lines);
        Assert.DoesNotContain(token.Split('.')[2], everything, StringComparison.Ordinal);
        Assert.DoesNotContain(forged.Split('.')[2], everything, StringComparison.Ordinal);
        Assert.DoesNotContain(BotHost.OutboundToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("test-secret-not-real", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_within_five_minutes_of_expiry_skew_is_still_accepted()
    {
        var conversation = Activities.NewConversationId();
        var token = new TestTokenBuilder(BotEnvironment.TeamsKey, BotHost.AppId, Env.Channel.ServiceUrl.ToString()).Expired(TimeSpan.FromMinutes(3)).Build();

        using var response = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, conversation, "help"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_that_fails_authentication_teaches_the_bot_nothing_about_where_to_send_tokens()
    {
        var conversation = Activities.NewConversationId();
        var elsewhere = new Uri(Env.Channel.ServiceUrl, "/attacker/");
        var forged = new TestTokenBuilder(UnpublishedKey, BotHost.AppId, elsewhere.ToString()).Build();

        using var rejected = await Host.PostActivityAsync(Http, Activities.Message(elsewhere, conversation, "help"), forged);

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.DoesNotContain(Env.Channel.Requests, r => r.Path.Contains("attacker", StringComparison.Ordinal));
    }
}
