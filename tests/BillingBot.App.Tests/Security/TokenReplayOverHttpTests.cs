using System.Net;
using System.Net.Sockets;
using System.Text;
using BillingBot.App.Tests.Hosting;
using BillingBot.TestKit.Auth;

namespace BillingBot.App.Tests.Security;

/// <summary>
/// What the forged-token corpus (InboundAuthenticationTests) and the validator tests (Protocol.Tests TokenForgeryTests)
/// leave to HTTP itself: a token sent twice in two Authorization headers, the scheme in lower case, an emulator token,
/// and replays. The Bot Connector sends one token with every activity for up to an hour, so a repeated token is
/// accepted; a captured token replayed to another bot, or to another service URL, is not.
/// </summary>
public sealed class TokenReplayOverHttpTests : BotHostTestBase
{
    private const string OtherBotAppId = "9f8e7d6c-0000-4000-8000-0000000000aa";

    public TokenReplayOverHttpTests(BotEnvironment env)
        : base(env, new BotHost(env.Azurite, environment: "Production", appId: BotHost.AppId, openId: env.OpenId))
    {
    }

    private TestTokenBuilder Valid => new(BotEnvironment.TeamsKey, BotHost.AppId, Env.Channel.ServiceUrl.ToString());

    [Fact]
    public async Task Two_Authorization_headers_are_refused_even_when_both_carry_a_valid_token()
    {
        var token = Valid.Build();
        var body = Activities.Message(Env.Channel.ServiceUrl, Activities.NewConversationId(), "help").ToJsonString();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, Host.BaseAddress.Port);
        var request = $"POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer {token}\r\nAuthorization: Bearer {token}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
        await socket.SendAsync(Encoding.UTF8.GetBytes(request), SocketFlags.None);

        var answer = await ReadAllAsync(socket);

        Assert.StartsWith("HTTP/1.1 401", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    public async Task The_scheme_in_any_case_is_read_as_RFC_7235_says_and_the_token_is_still_checked(string scheme)
    {
        var conversation = Activities.NewConversationId();

        using var valid = await SendAsync(Activities.Message(Env.Channel.ServiceUrl, conversation, "help").ToJsonString(), $"{scheme} {Valid.Build()}");
        using var forged = await SendAsync(Activities.Message(Env.Channel.ServiceUrl, Activities.NewConversationId(), "help").ToJsonString(), $"{scheme} {Valid.WithAudience(OtherBotAppId).Build()}");

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Theory]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")]
    [InlineData("https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0")]
    public async Task An_emulator_token_is_refused_by_the_Teams_bot(string issuer)
    {
        using var response = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, Activities.NewConversationId(), "help"), Valid.WithIssuer(issuer).Build());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task One_token_carries_many_activities_but_not_to_another_bot_nor_for_another_service_url()
    {
        var token = Valid.Build();
        var conversations = Enumerable.Range(0, 5).Select(_ => Activities.NewConversationId()).ToList();
        await using var otherBot = new BotHost(Env.Azurite, environment: "Production", appId: OtherBotAppId, openId: Env.OpenId);
        using var otherHttp = otherBot.CreateHttpClient();

        foreach (var conversation in conversations)
        {
            using var again = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, conversation, "help"), token);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var elsewhere = Activities.NewConversationId();
        using var toAnotherBot = await otherBot.PostActivityAsync(otherHttp, Activities.Message(Env.Channel.ServiceUrl, Activities.NewConversationId(), "help"), token);
        using var toAnotherUrl = await Host.PostActivityAsync(Http, Activities.Message(new Uri(Env.Channel.ServiceUrl, "/elsewhere/"), elsewhere, "help"), token);

        Assert.All(conversations, c => Assert.Single(Env.RequestsTo(c)));
        Assert.Equal(HttpStatusCode.Unauthorized, toAnotherBot.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, toAnotherUrl.StatusCode);
        Assert.Empty(Env.RequestsTo(elsewhere));
    }

    private async Task<HttpResponseMessage> SendAsync(string json, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await Http.SendAsync(request);
    }

    private static async Task<string> ReadAllAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
        {
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return received.ToString();
    }
}
