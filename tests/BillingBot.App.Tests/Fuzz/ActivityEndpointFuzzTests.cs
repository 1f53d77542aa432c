using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BillingBot.App.Tests.Hosting;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Auth;
using BillingBot.TestKit.Fuzz;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>
/// The real app (Azurite, the fake Teams channel) receiving mangled Teams payloads at /api/messages: every shape Teams
/// posts (messages personal, in a channel, in a group chat, card submits, installs, invokes, reactions, typing…) with
/// fields dropped, nulled, retyped, duplicated, made huge or odd Unicode, bodies cut short or not UTF-8, and other
/// content types. Each gets a 2xx or a 4xx (or the documented 501 for an invoke nobody handles), nothing is logged
/// as an error, and afterwards the bot still answers "help". In local dev mode, and with a valid token, so that
/// the JSON is also read after authentication.
/// </summary>
public sealed class ActivityEndpointFuzzTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    private static readonly HashSet<string> KeepWhole = ["serviceUrl"];

    /// <summary>
    /// In local dev mode an unauthenticated activity may name any service URL: the turn runs but the bot sends nowhere
    /// but loopback (MessagingEndpointTests.Dev_mode_does_not_send_to_a_service_url_that_is_not_on_loopback), so a
    /// byte flipped in the service URL ends in a turn that could not answer, logged as such. With a token the service
    /// URL is the token's, and nothing is tolerated.
    /// </summary>
    private static readonly Func<TestLogSink.LogLine, bool> RefusedToSendInDevMode =
        line => line.EventId.Id is 3006 or 3007 && line.Exception?.Contains("is not trusted; nothing was sent.", StringComparison.Ordinal) == true;

    [Fact]
    public async Task A_mangled_Teams_payload_never_gets_a_server_error_and_the_bot_still_answers_help()
    {
        await using var host = new BotHost(env.Azurite, services: QuietLogging.Apply);
        using var http = host.CreateHttpClient();

        await FuzzAsync(nameof(A_mangled_Teams_payload_never_gets_a_server_error_and_the_bot_still_answers_help), host, http, seed: 11, count: 500, token: null, RefusedToSendInDevMode);

        await AssertStillAnswersHelpAsync(host, http, token: null, RefusedToSendInDevMode);
    }

    [Fact]
    public async Task A_mangled_payload_with_a_valid_token_never_gets_a_server_error_and_the_bot_still_answers_help()
    {
        await using var host = new BotHost(env.Azurite, environment: "Production", appId: BotHost.AppId, openId: env.OpenId, services: QuietLogging.Apply);
        using var http = host.CreateHttpClient();
        var token = new TestTokenBuilder(BotEnvironment.TeamsKey, BotHost.AppId, env.Channel.ServiceUrl.ToString()).Build();

        await FuzzAsync(nameof(A_mangled_payload_with_a_valid_token_never_gets_a_server_error_and_the_bot_still_answers_help), host, http, seed: 12, count: 300, token, tolerated: null);

        await AssertStillAnswersHelpAsync(host, http, token, tolerated: null);
    }

    private async Task FuzzAsync(string test, BotHost host, HttpClient http, ulong seed, int count, string? token, Func<TestLogSink.LogLine, bool>? tolerated)
    {
        var posted = 0;
        await FuzzCheck.RunAsync(
            nameof(ActivityEndpointFuzzTests) + "." + test,
            seed,
            count,
            PayloadGen.Payloads(TeamsCorpus.Names.Count),
            async payload =>
            {
                var template = TeamsCorpus.Build(payload.Template, env.Channel.ServiceUrl, Unique(++posted));
                var body = payload.Body(template.Activity, KeepWhole);
                var mark = HostFailures.Mark(host);
                using var response = await PostAsync(http, body, payload.ContentTypeHeader, token);
                var status = (int)response.StatusCode;
                if (status >= 500 && !(status == 501 && IsInvokeNobodyHandles(body)))
                {
                    return $"answered {status}";
                }

                return HostFailures.Since(host, mark, tolerated);
            },
            payload => $"{TeamsCorpus.Names[payload.Template]}: {payload}\n    body: {Encoding.UTF8.GetString(payload.Body(TeamsCorpus.Build(payload.Template, env.Channel.ServiceUrl, Unique(0)).Activity, KeepWhole))}");
    }

    private async Task AssertStillAnswersHelpAsync(BotHost host, HttpClient http, string? token, Func<TestLogSink.LogLine, bool>? tolerated)
    {
        var conversation = Activities.NewConversationId();
        var help = TeamsCorpus.PersonalMessage(env.Channel.ServiceUrl, conversation[3..], "help", "en-US");

        using var response = await PostAsync(http, Encoding.UTF8.GetBytes(help.ToJsonString()), "application/json", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Here is what you can ask me", Assert.Single(env.TextsSentTo(conversation)), StringComparison.Ordinal);
        Assert.Null(HostFailures.Since(host, 0, tolerated));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body, string? contentType, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    /// <summary>
    /// Whether the body is, as the app reads it (a field written twice counts once, the last), an invoke the bot has no
    /// handler for: the protocol answers those 501, as the Bot Framework does.
    /// </summary>
    private static bool IsInvokeNobodyHandles(byte[] body)
    {
        try
        {
            return ActivityJson.Parse(body) is { Type: ActivityTypes.Invoke, Name: not "adaptiveCard/action" };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Unique(int n) => "fz" + n.ToString("x6", CultureInfo.InvariantCulture);
}
