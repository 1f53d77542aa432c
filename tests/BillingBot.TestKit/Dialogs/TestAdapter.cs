using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Claims;
using System.Text.Json;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BillingBot.TestKit.Dialogs;

/// <summary>
/// A <see cref="BotAdapter"/> that runs turns in memory: activities from the "user" go through the real middleware
/// pipeline, and everything the bot sends is captured (after a JSON round trip, as a channel would receive it)
/// instead of going to a connector. A turn that throws makes <see cref="ProcessActivityAsync"/> throw.
/// </summary>
public sealed class TestAdapter : BotAdapter
{
    // Never called: the adapter neither authenticates nor fetches keys; it only satisfies the base constructor.
    private static readonly HttpClient NoNetwork = new(new RefusingHandler());

    private readonly ConcurrentQueue<Activity> _replies = new();
    private readonly ConcurrentQueue<Activity> _sentLog = new();
    private readonly ConcurrentQueue<Activity> _updates = new();
    private readonly ConcurrentQueue<string> _deleted = new();
    private readonly CapturingErrorHandler _errors;
    private int _nextId;

    public TestAdapter(params IMiddleware[] middleware)
        : this(new CapturingErrorHandler(), middleware)
    {
    }

    private TestAdapter(CapturingErrorHandler errors, IMiddleware[] middleware)
        : base(
            new InMemoryOnlyConnector(),
            new ChannelTokenValidator(new OpenIdKeyCache(NoNetwork, Options.Create(new BotAuthenticationOptions()), TimeProvider.System, NullLogger<OpenIdKeyCache>.Instance), Options.Create(new BotAuthenticationOptions()), TimeProvider.System),
            new TrustedServiceUrls(Options.Create(new ConnectorTrustOptions())),
            new EveryActivityIsNew(),
            middleware,
            errors,
            Options.Create(new BotAuthenticationOptions()),
            Options.Create(new BotAdapterOptions()),
            NullLogger<BotAdapter>.Instance)
    {
        _errors = errors;
    }

    public string ChannelId { get; init; } = "msteams";

    public string Locale { get; init; } = "en-US";

    /// <summary>The IANA time zone Teams puts in localTimezone; null sends none.</summary>
    public string? LocalTimezone { get; init; }

    public string TenantId { get; init; } = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public ChannelAccount User { get; init; } = new("29:1k3l9ZqXyP-anna", "Anna Kowalska") { AadObjectId = "6b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e" };

    public ChannelAccount Bot { get; init; } = new("28:00000000-0000-0000-0000-00000000b0b0", "BillingBot");

    public string ConversationId { get; init; } = "a:1test-conversation";

    /// <summary>"personal", "groupChat" or "channel".</summary>
    public string ConversationType { get; init; } = "personal";

    public string ServiceUrl { get; init; } = "https://smba.trafficmanager.net/emea/";

    /// <summary>Everything the bot sent, in order, including replies already taken.</summary>
    public IReadOnlyList<Activity> Sent => [.. _sentLog];

    public IReadOnlyList<Activity> Updated => [.. _updates];

    public IReadOnlyList<string> Deleted => [.. _deleted];

    /// <summary>A message from the user with this adapter's addressing.</summary>
    public Activity MakeActivity(string? text = null)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = "user-" + id,
            Text = text,
            TextFormat = "plain",
            Timestamp = DateTimeOffset.UnixEpoch,
            ChannelId = ChannelId,
            ServiceUrl = ServiceUrl,
            Locale = Locale,
            LocalTimezone = LocalTimezone,
            From = User,
            Recipient = Bot,
            Conversation = new ConversationAccount { Id = ConversationId, ConversationType = ConversationType, TenantId = TenantId, IsGroup = ConversationType != "personal" },
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TenantId } },
        };
    }

    /// <summary>Runs one turn; missing addressing fields are filled in from this adapter's settings.</summary>
    public async Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var template = MakeActivity();
        activity.Type ??= template.Type;
        activity.Id ??= template.Id;
        activity.ChannelId ??= template.ChannelId;
        activity.ServiceUrl ??= template.ServiceUrl;
        activity.Locale ??= template.Locale;
        activity.LocalTimezone ??= template.LocalTimezone;
        activity.From ??= template.From;
        activity.Recipient ??= template.Recipient;
        activity.Conversation ??= template.Conversation;
        activity.ChannelData ??= template.ChannelData;
        activity.Timestamp ??= template.Timestamp;

        var context = new TurnContext(this, activity, new ClaimsIdentity(), "test-" + activity.Id);
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
        if (_errors.Take() is { } failure)
        {
            failure.Throw();
        }
    }

    /// <summary>The oldest reply not taken yet, or null.</summary>
    public Activity? GetNextReply() => _replies.TryDequeue(out var reply) ? reply : null;

    public override Task<ResourceResponse> SendActivityAsync(ITurnContext context, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var wire = OverTheWire(activity);
        wire.Id ??= "bot-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        _replies.Enqueue(wire);
        _sentLog.Enqueue(wire);
        return Task.FromResult(new ResourceResponse(wire.Id));
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext context, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _updates.Enqueue(OverTheWire(activity));
        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    public override Task DeleteActivityAsync(ITurnContext context, string activityId, CancellationToken cancellationToken)
    {
        _deleted.Enqueue(activityId);
        return Task.CompletedTask;
    }

    // What the channel receives is JSON: serializing here catches what would not survive the trip.
    private static Activity OverTheWire(Activity activity) =>
        JsonSerializer.Deserialize<Activity>(JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options), ProtocolJson.Options)!;

    private sealed class CapturingErrorHandler : ITurnErrorHandler
    {
        private ExceptionDispatchInfo? _failure;

        public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
        {
            _failure = ExceptionDispatchInfo.Capture(exception);
            return Task.CompletedTask;
        }

        public ExceptionDispatchInfo? Take() => Interlocked.Exchange(ref _failure, null);
    }

    private sealed class EveryActivityIsNew : IActivityDeduplicator
    {
        public Task<bool> TryBeginAsync(Activity activity, CancellationToken cancellationToken) => Task.FromResult(true);
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The test adapter makes no HTTP calls.");
    }

    private sealed class InMemoryOnlyConnector : IConnectorClient
    {
        public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) => throw Unused();

        public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => throw Unused();

        public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => throw Unused();

        public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) => throw Unused();

        public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) => throw Unused();

        public Task<ChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) => throw Unused();

        private static InvalidOperationException Unused() => new("The test adapter keeps sent activities in memory; the connector is never used.");
    }
}
