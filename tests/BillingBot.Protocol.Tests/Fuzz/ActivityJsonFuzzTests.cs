using System.Net;
using System.Text;
using System.Text.Json;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;
using BillingBot.TestKit.Fuzz;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BillingBot.Protocol.Tests.Fuzz;

/// <summary>
/// Real Teams payloads, mangled (fields dropped, retyped, duplicated, nulled, made huge or nested deep, odd Unicode,
/// invalid UTF-8, cut short…): the activity JSON either reads into an activity or is refused with a JsonException, and
/// whatever reads is safe for a bot to use; posted to the adapter, every body gets a 2xx or a 4xx.
/// </summary>
public sealed class ActivityJsonFuzzTests
{
    [Fact]
    public void A_mangled_Teams_payload_either_reads_as_an_activity_or_is_refused_as_malformed_JSON()
    {
        var templates = FuzzCorpus.Templates;

        FuzzCheck.Run(
            nameof(ActivityJsonFuzzTests) + "." + nameof(A_mangled_Teams_payload_either_reads_as_an_activity_or_is_refused_as_malformed_JSON),
            seed: 20261126,
            count: 20_000,
            PayloadGen.Payloads(templates.Count),
            payload =>
            {
                var body = payload.Body(templates[payload.Template].Activity);
                Activity? activity;
                try
                {
                    activity = ActivityJson.Parse(body);
                }
                catch (JsonException)
                {
                    return null;
                }

                return activity is null ? null : UnsafeToUse(activity);
            },
            payload => Show(templates, payload));
    }

    [Fact]
    public async Task Any_body_posted_to_the_adapter_gets_a_2xx_or_a_4xx()
    {
        var templates = FuzzCorpus.Templates;
        var connector = new RecordingConnector();
        var errors = new RecordingErrorHandler();
        var adapter = NewAdapter(connector, errors);
        var bot = new ReadingBot();

        await FuzzCheck.RunAsync(
            nameof(ActivityJsonFuzzTests) + "." + nameof(Any_body_posted_to_the_adapter_gets_a_2xx_or_a_4xx),
            seed: 1126,
            count: 5_000,
            PayloadGen.Payloads(templates.Count),
            async payload =>
            {
                var body = payload.Body(templates[payload.Template].Activity);
                using var stream = new MemoryStream(body);
                var response = await adapter.ProcessAsync(new InboundRequest(null, payload.ContentTypeHeader, body.Length, IPAddress.Loopback, stream), bot, CancellationToken.None);
                var failures = new List<string>();
                while (errors.Failures.TryDequeue(out var failure))
                {
                    failures.Add(failure.ToString());
                }

                return response.StatusCode is < 200 or >= 500 ? $"answered {response.StatusCode}"
                    : failures.Count > 0 ? "the turn threw " + string.Join("\n", failures)
                    : null;
            },
            payload => Show(templates, payload));
        Assert.True(connector.Sent > 0, "No fuzzed message was well-formed enough to be answered: the fuzzer only scratched the surface.");
    }

    /// <summary>What goes wrong when a bot reads the activity as bots do, or null when nothing does.</summary>
    private static string? UnsafeToUse(Activity activity)
    {
        try
        {
            _ = ActivityTypes.IsKnown(activity.Type);
            _ = activity.GetTextWithoutBotMention();
            _ = activity.GetMentions().Select(m => (m.Mentioned?.Id, m.Text)).ToList();
            _ = activity.GetTenantId();
            _ = activity.IsBotAdded() || activity.IsBotRemoved();
            _ = activity.GetValueElement();
            _ = JsonSerializer.Serialize(activity.GetConversationReference(), ProtocolJson.Options);
            _ = JsonSerializer.Deserialize<Activity>(JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options), ProtocolJson.Options);
            return null;
        }
#pragma warning disable CA1031 // Any exception is the finding.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return "reading the activity threw " + ex;
        }
    }

    private static BotAdapter NewAdapter(RecordingConnector connector, RecordingErrorHandler errors)
    {
        // Local dev mode: no app id, loopback allowed without a token, so every body reaches the parser and the bot.
        var auth = Options.Create(new BotAuthenticationOptions { AllowUnauthenticatedLoopback = true });
        var noNetwork = new HttpClient(new RefusingHandler());
        var keys = new OpenIdKeyCache(noNetwork, auth, TimeProvider.System, NullLogger<OpenIdKeyCache>.Instance);
        return new BotAdapter(
            connector,
            new ChannelTokenValidator(keys, auth, TimeProvider.System),
            new TrustedServiceUrls(Options.Create(new ConnectorTrustOptions())),
            new EveryActivityIsNew(),
            [],
            errors,
            auth,
            Options.Create(new BotAdapterOptions()),
            NullLogger<BotAdapter>.Instance);
    }

    private static string Show(IReadOnlyList<CorpusEntry> templates, MangledPayload payload)
    {
        var body = payload.Body(templates[payload.Template].Activity);
        return $"{templates[payload.Template].Name}: {payload}\n    body: {Encoding.UTF8.GetString(body)}";
    }

    private sealed class EveryActivityIsNew : IActivityDeduplicator
    {
        public Task<bool> TryBeginAsync(Activity activity, CancellationToken cancellationToken) => Task.FromResult(true);
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The fuzzed adapter makes no HTTP calls.");
    }
}
