using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BillingBot.TestKit.Channel;

/// <summary>
/// A loopback fake of the Bot Connector service that a Teams <c>serviceUrl</c> points to. It answers
/// the conversation operations the bot uses, records every request, and can be scripted to fail,
/// stall or hang the next requests. It measures the rate of writes per conversation and per tenant and,
/// given <see cref="RateLimits"/>, answers 429 to a write that exceeds them, as Teams does.
/// </summary>
public sealed class FakeTeamsChannel : IAsyncDisposable
{
    private readonly RequestLog _log = new();
    private readonly ConnectorBehavior _behavior = new();
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ChannelRateLedger _rates = new();
    private readonly Lock _holdGate = new();
    private readonly List<HeldRequest> _holds = [];
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private Uri? _serviceUrl;
    private volatile bool _requireBearer;

    /// <summary>
    /// Path of the service URL. Defaults to <c>/teams/</c> like the public Teams service URL, so a
    /// bot that builds absolute paths (dropping the base path) gets 404s. Must start and end with '/'.
    /// </summary>
    public string BasePath { get; init; } = "/teams/";

    /// <summary>Clock for <see cref="EnqueueDelay"/> and the rate limits; a fake clock lets tests control both.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// When set, writes (sends, replies, updates, deletes, creates) beyond these limits are answered 429 with a
    /// Retry-After and Teams' <c>Throttled</c> error body. Null (the default): nothing is refused, rates are still measured.
    /// </summary>
    public ChannelRateLimits? RateLimits { get; init; }

    /// <summary>Writes counted, 429s returned for exceeding <see cref="RateLimits"/>, and the peak rates seen.</summary>
    public ChannelRateStatistics RateStatistics => _rates.Snapshot();

    /// <summary>When set, requests without <c>Authorization: Bearer …</c> get 401 (and are still recorded).</summary>
    public bool RequireBearer
    {
        get => _requireBearer;
        set => _requireBearer = value;
    }

    /// <summary>The base URL to put into activities' <c>serviceUrl</c>; ends with '/'.</summary>
    public Uri ServiceUrl => _serviceUrl ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>A snapshot of every request received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _log.Requests;

    /// <summary>
    /// Bodies of activities the channel accepted (sends, replies, updates, and activities posted
    /// with a create-conversation call). Requests answered by a scripted response are not included.
    /// </summary>
    public IReadOnlyList<JsonNode> SentActivities => _log.SentActivities;

    /// <summary>The id Teams gives the one-on-one conversation of a user; stable per (tenant, member).</summary>
    public static string PersonalConversationId(string tenantId, string memberId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(memberId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\n{memberId}"));
        return "a:1" + Base64Url.EncodeToString(hash);
    }

    /// <summary>The connector error shape: <c>{"error":{"code":…,"message":…}}</c>.</summary>
    public static string TeamsErrorBody(string code, string message) =>
        ConnectorBehavior.Error(code, message).ToJsonString();

    /// <summary>
    /// The other error shape Teams uses (403) when the user blocked or uninstalled the bot: a
    /// numeric <c>errorCode</c> 209 and a <c>message</c> holding JSON text with the sub-code.
    /// </summary>
    public static string MessageWritesBlockedBody(string details = "Thread is blocked from message writes.")
    {
        var inner = new JsonObject
        {
            ["subCode"] = "MessageWritesBlocked",
            ["details"] = details,
            ["errorCode"] = null,
            ["errorSubCode"] = null,
        };
        var message = inner.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return new JsonObject { ["errorCode"] = 209, ["message"] = message }.ToJsonString();
    }

    /// <summary>Registers a member so <c>GET …/members/{id}</c> finds them (by id or by Entra object id).</summary>
    public void AddMember(
        string conversationId,
        string memberId,
        string name,
        string? aadObjectId = null,
        string? tenantId = null,
        string userRole = "user")
    {
        var account = new JsonObject { ["id"] = memberId, ["name"] = name };
        if (aadObjectId is not null)
        {
            account["aadObjectId"] = aadObjectId;
        }

        if (tenantId is not null)
        {
            account["tenantId"] = tenantId;
        }

        account["userRole"] = userRole;
        AddMember(conversationId, account);
    }

    /// <summary>Registers a member given as the exact account JSON to return.</summary>
    public void AddMember(string conversationId, JsonObject account)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(account);
        _behavior.AddMember(conversationId, account);
    }

    /// <summary>The next request (FIFO, any endpoint) is answered with this status, body and Retry-After (whole seconds).</summary>
    public void EnqueueResponse(int status, string? body = null, TimeSpan? retryAfter = null) =>
        _script.Enqueue(new ScriptedResponse(status, body, retryAfter, null, false));

    /// <summary>The next request gets its normal answer only after <paramref name="delay"/> on <see cref="TimeProvider"/>.</summary>
    public void EnqueueDelay(TimeSpan delay) => _script.Enqueue(new ScriptedResponse(null, null, null, delay, false));

    /// <summary>The next request is never answered; it ends when the client aborts it or the server stops.</summary>
    public void EnqueueHang() => _script.Enqueue(new ScriptedResponse(null, null, null, null, true));

    /// <summary>
    /// Holds the <paramref name="occurrence"/>-th request from now on that matches: it is recorded, then left
    /// unanswered until the test releases it or the client goes away. With <paramref name="acceptedBeforeHolding"/> the
    /// activity is taken (delivered) first and only the answer is held: Teams has it, and the sender does not know.
    /// Scripted responses and rate limits do not apply to a held request.
    /// </summary>
    public HeldRequest Hold(Func<ReceivedRequest, bool> match, int occurrence = 1, bool acceptedBeforeHolding = false)
    {
        ArgumentNullException.ThrowIfNull(match);
        var hold = new HeldRequest(match, occurrence, acceptedBeforeHolding);
        lock (_holdGate)
        {
            _holds.Add(hold);
        }

        return hold;
    }

    /// <summary>Completes once the activities the channel accepted (<see cref="SentActivities"/>) meet the condition.</summary>
    public Task WaitForSentAsync(Func<IReadOnlyList<JsonNode>, bool> condition, CancellationToken cancellationToken) =>
        _log.WaitForSentAsync(condition, cancellationToken);

    /// <summary>Completes with a snapshot once at least <paramref name="count"/> requests have been recorded.</summary>
    public Task<IReadOnlyList<ReceivedRequest>> WaitForRequestsAsync(int count, CancellationToken cancellationToken) =>
        _log.WaitForAsync(count, cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The channel is already started.");
        }

        if (!BasePath.StartsWith('/') || !BasePath.EndsWith('/'))
        {
            throw new InvalidOperationException("BasePath must start and end with '/'.");
        }

        var app = await LoopbackServer.StartAsync(HandleAsync, cancellationToken).ConfigureAwait(false);
        _app = app;
        _serviceUrl = new Uri(new Uri(app.Urls.Single()), BasePath);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;

            // Release hanging requests first, otherwise shutdown waits for them.
            await _stopping.CancelAsync().ConfigureAwait(false);
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var request = context.Request;
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var rawPath = rawTarget.Split('?', 2)[0];
        var isUnderBase = rawPath.StartsWith(BasePath, StringComparison.Ordinal);
        var relativePath = isUnderBase ? rawPath[BasePath.Length..] : rawPath;
        var route = isUnderBase
            ? ConnectorRoute.Parse(request.Method, relativePath)
            : ConnectorRoute.Parse(request.Method, string.Empty);
        var body = await ReadJsonAsync(request, aborted.Token).ConfigureAwait(false);
        var answer = _behavior.Answer(route, body);
        string? authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null;
        var received = new ReceivedRequest(
            request.Method.ToUpperInvariant(),
            relativePath,
            answer.ConversationId ?? route.ConversationId,
            route.ActivityId,
            authorization,
            body)
        {
            ReceivedAt = TimeProvider.GetUtcNow(),
        };
        _log.Add(received);

        if (TakeHold(received) is { } hold)
        {
            await HoldAsync(context, hold, received, answer, aborted.Token).ConfigureAwait(false);
            return;
        }

        if (RequireBearer && authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) != true)
        {
            await WriteAsync(context.Response, StatusCodes.Status401Unauthorized, TeamsErrorBody("Unauthorized", "Authorization has been denied for this request."), aborted.Token).ConfigureAwait(false);
            return;
        }

        if (_script.TryDequeue(out var scripted))
        {
            if (!await ApplyScriptAsync(context, scripted, aborted.Token).ConfigureAwait(false))
            {
                return;
            }
        }

        if (IsWrite(route.Operation)
            && _rates.Admit(TimeProvider, RateLimits, answer.ConversationId ?? route.ConversationId, TenantIn(body)) is { } refusal)
        {
            context.Response.Headers.RetryAfter = WholeSeconds(refusal.RetryAfter);
            await WriteAsync(
                context.Response,
                StatusCodes.Status429TooManyRequests,
                TeamsErrorBody("Throttled", $"Too many requests: the limit is {refusal.Limit}."),
                aborted.Token).ConfigureAwait(false);
            return;
        }

        if (answer.SentActivity is { } activity && answer.Status < 300)
        {
            _log.AddSentActivity(activity);
        }

        await WriteAsync(context.Response, answer.Status, answer.Body?.ToJsonString(), aborted.Token).ConfigureAwait(false);
    }

    private HeldRequest? TakeHold(ReceivedRequest received)
    {
        lock (_holdGate)
        {
            var hold = _holds.FirstOrDefault(h => h.Takes(received));
            if (hold is not null)
            {
                _holds.Remove(hold);
            }

            return hold;
        }
    }

    private async Task HoldAsync(HttpContext context, HeldRequest hold, ReceivedRequest received, ConnectorAnswer answer, CancellationToken aborted)
    {
        var accepted = answer.SentActivity is not null && answer.Status < 300;
        if (accepted && hold.AcceptedBeforeHolding)
        {
            _log.AddSentActivity(answer.SentActivity!);
        }

        hold.Hold(received);
        (int Status, string? Body)? instead;
        try
        {
            instead = await hold.Released.WaitAsync(aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            hold.End(answered: false);
            context.Abort();
            return;
        }

        if (accepted && !hold.AcceptedBeforeHolding && instead is null)
        {
            _log.AddSentActivity(answer.SentActivity!);
        }

        try
        {
            await WriteAsync(context.Response, instead?.Status ?? answer.Status, instead is { } given ? given.Body : answer.Body?.ToJsonString(), aborted).ConfigureAwait(false);
            hold.End(answered: true);
        }
        catch (OperationCanceledException)
        {
            hold.End(answered: false);
        }
    }

    /// <returns>True when the normal answer should still be given.</returns>
    private async Task<bool> ApplyScriptAsync(HttpContext context, ScriptedResponse scripted, CancellationToken aborted)
    {
        if (scripted.Status is { } status)
        {
            if (scripted.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = WholeSeconds(retryAfter);
            }

            await WriteAsync(context.Response, status, scripted.Body, aborted).ConfigureAwait(false);
            return false;
        }

        try
        {
            await Task.Delay(scripted.Hang ? Timeout.InfiniteTimeSpan : scripted.Delay!.Value, TimeProvider, aborted)
                .ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            // Drop the connection rather than let Kestrel complete an empty 200 on shutdown.
            context.Abort();
            return false;
        }
    }

    private static bool IsWrite(ConnectorOperation operation) => operation is ConnectorOperation.CreateConversation
        or ConnectorOperation.SendToConversation or ConnectorOperation.ReplyToActivity
        or ConnectorOperation.UpdateActivity or ConnectorOperation.DeleteActivity;

    // Activities carry it in channelData.tenant.id or conversation.tenantId, create-conversation parameters in tenantId.
    private static string? TenantIn(JsonNode? body) =>
        StringAt(body, "channelData", "tenant", "id") ?? StringAt(body, "conversation", "tenantId") ?? StringAt(body, "tenantId");

    private static string? StringAt(JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            node = node is JsonObject item ? item[name] : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
    }

    // Retry-After carries whole seconds; rounding down could send the client back too early.
    private static string WholeSeconds(TimeSpan wait) =>
        ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static async Task<JsonNode?> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(HttpResponse response, int status, string? body, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        if (body is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }
    }
}
