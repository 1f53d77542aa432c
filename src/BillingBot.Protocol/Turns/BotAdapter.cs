using ActivityTraceId = System.Diagnostics.ActivityTraceId;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusCodes = Microsoft.AspNetCore.Http.StatusCodes;

namespace BillingBot.Protocol.Turns;

/// <summary>
/// Processes inbound activities (size limit, parse, authenticate, de-duplicate, run the middleware and the bot)
/// and continues conversations from stored references. Replies go out through the connector; an invoke's answer
/// goes back in the HTTP body.
/// </summary>
public partial class BotAdapter(
    IConnectorClient connector,
    ChannelTokenValidator tokenValidator,
    TrustedServiceUrls trustedServiceUrls,
    IActivityDeduplicator deduplicator,
    IEnumerable<IMiddleware> middleware,
    ITurnErrorHandler errorHandler,
    IOptions<BotAuthenticationOptions> authOptions,
    IOptions<BotAdapterOptions> adapterOptions,
    ILogger<BotAdapter> logger)
{
    private readonly IMiddleware[] _middleware = middleware.ToArray();

    /// <summary>Handles one POST to the messaging endpoint.</summary>
    public async Task<BotResponse> ProcessAsync(InboundRequest request, IBot bot, CancellationToken cancellationToken)
    {
        var maxBytes = adapterOptions.Value.MaxRequestBytes;
        if (request.ContentLength > maxBytes)
        {
            Log.Rejected(logger, 413, "body larger than the limit");
            return new BotResponse(StatusCodes.Status413PayloadTooLarge);
        }

        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            Log.Rejected(logger, 415, "content type is not JSON");
            return new BotResponse(StatusCodes.Status415UnsupportedMediaType);
        }

        var body = await ReadBoundedAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            Log.Rejected(logger, 413, "body larger than the limit");
            return new BotResponse(StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            activity = ActivityJson.Parse(body);
        }
        catch (JsonException ex)
        {
            Log.Malformed(logger, ex.Message);
            return new BotResponse(StatusCodes.Status400BadRequest);
        }

        if (activity is null)
        {
            Log.Rejected(logger, 400, "body is not an activity");
            return new BotResponse(StatusCodes.Status400BadRequest);
        }

        ClaimsIdentity identity;
        try
        {
            identity = await AuthenticateAsync(request, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (BotAuthenticationException ex)
        {
            Log.Unauthorized(logger, ex.Message);
            return new BotResponse(StatusCodes.Status401Unauthorized);
        }

        if (ValidateShape(activity, adapterOptions.Value.MaxAddressingBytes) is { } problem)
        {
            Log.Rejected(logger, 400, problem);
            return new BotResponse(StatusCodes.Status400BadRequest);
        }

        if (activity.Text?.Length > adapterOptions.Value.MaxTextLength)
        {
            Log.Rejected(logger, 413, "text longer than the limit");
            return new BotResponse(StatusCodes.Status413PayloadTooLarge);
        }

        if (!ActivityTypes.IsKnown(activity.Type))
        {
            Log.Ignored(logger, activity.Type!);
            return new BotResponse(StatusCodes.Status200OK);
        }

        if (!await TryBeginAsync(activity, cancellationToken).ConfigureAwait(false))
        {
            Log.Duplicate(logger, activity.Id!);
            return new BotResponse(StatusCodes.Status200OK);
        }

        var context = new TurnContext(this, activity, identity, NewCorrelationId());
        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);

        if (activity.Type == ActivityTypes.Invoke)
        {
            return context.InvokeResponse is { } invoke
                ? new BotResponse(invoke.Status, invoke.Body)
                : new BotResponse(StatusCodes.Status501NotImplemented);
        }

        return new BotResponse(StatusCodes.Status200OK);
    }

    /// <summary>Runs a turn in a conversation from a stored reference, for proactive messages.</summary>
    public virtual async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var activity = new Activity { Type = ActivityTypes.Event, Name = "ContinueConversation" }.ApplyConversationReference(reference, isIncoming: true);
        var context = new TurnContext(this, activity, new ClaimsIdentity(), NewCorrelationId());
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = context.CorrelationId });
        await RunMiddlewareAsync(context, callback, 0, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the middleware and the handler; a failure goes to the turn error handler and never escapes.</summary>
    protected async Task RunPipelineAsync(ITurnContext context, BotCallbackHandler handler, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["CorrelationId"] = context.CorrelationId,
            ["ActivityId"] = context.Activity.Id ?? string.Empty,
            ["ActivityType"] = context.Activity.Type ?? string.Empty,
        });
        try
        {
            await RunMiddlewareAsync(context, handler, 0, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TurnFailed(logger, context.CorrelationId, ex);
            try
            {
                await errorHandler.OnTurnErrorAsync(context, ex, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception handlerFailure) when (!cancellationToken.IsCancellationRequested)
            {
                // The apology itself could not be sent (the channel or storage is down): the log has both.
                Log.ErrorHandlerFailed(logger, context.CorrelationId, handlerFailure);
            }
        }
    }

    /// <summary>Sends an activity of a turn: a reply when it answers an activity, else a new message in the conversation.</summary>
    public virtual Task<ResourceResponse> SendActivityAsync(ITurnContext context, Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");
        var serviceUrl = activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no service URL.");
        return activity.ReplyToId is { Length: > 0 } replyTo
            ? connector.ReplyToActivityAsync(serviceUrl, conversationId, replyTo, activity, cancellationToken)
            : connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);
    }

    public virtual Task<ResourceResponse> UpdateActivityAsync(ITurnContext context, Activity activity, CancellationToken cancellationToken)
    {
        var activityId = activity.Id ?? throw new InvalidOperationException("An update needs the id of the activity to replace.");
        return connector.UpdateActivityAsync(activity.ServiceUrl!, activity.Conversation!.Id!, activityId, activity, cancellationToken);
    }

    public virtual Task DeleteActivityAsync(ITurnContext context, string activityId, CancellationToken cancellationToken) =>
        connector.DeleteActivityAsync(context.Activity.ServiceUrl!, context.Activity.Conversation!.Id!, activityId, cancellationToken);

    private Task RunMiddlewareAsync(ITurnContext context, BotCallbackHandler handler, int index, CancellationToken cancellationToken) =>
        index < _middleware.Length
            ? _middleware[index].OnTurnAsync(context, ct => RunMiddlewareAsync(context, handler, index + 1, ct), cancellationToken)
            : handler(context, cancellationToken);

    private async Task<ClaimsIdentity> AuthenticateAsync(InboundRequest request, Activity activity, CancellationToken cancellationToken)
    {
        var settings = authOptions.Value;
        if (!settings.HasAppId && settings.AllowUnauthenticatedLoopback && request.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
        {
            // Local dev mode: only loopback service URLs are trusted, so a forged activity cannot aim our sends elsewhere.
            if (Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUri) && serviceUri.IsLoopback)
            {
                trustedServiceUrls.Trust(activity.ServiceUrl!);
            }

            return new ClaimsIdentity();
        }

        var identity = await tokenValidator.ValidateAsync(request.Authorization, activity, cancellationToken).ConfigureAwait(false);
        trustedServiceUrls.Trust(activity.ServiceUrl!);
        return identity;
    }

    private async Task<bool> TryBeginAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            return await deduplicator.TryBeginAsync(activity, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            // Answering matters more than de-duplicating: the turn itself will tell the user what is down.
            Log.DeduplicationUnavailable(logger, ex);
            return true;
        }
    }

    private static string? ValidateShape(Activity activity, int maxAddressingBytes)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "activity has no type";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "activity has no valid serviceUrl";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "activity has no conversation id";
        }

        // Everything that decides whose data a turn sees reads the tenant once (GetTenantId: channelData first); an
        // activity that names two tenants is not one Teams sends, and no reading of it is safe.
        if (activity.ChannelData?.Tenant?.Id is { Length: > 0 } channelTenant && activity.Conversation?.TenantId is { Length: > 0 } conversationTenant
            && !string.Equals(channelTenant.Trim(), conversationTenant.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "activity names two different tenants";
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "activity has no channelId";
        }

        // Whatever a turn keeps of the activity's addressing must fit where it is kept; Teams never comes close.
        var addressing = JsonSerializer.SerializeToUtf8Bytes(activity.GetConversationReference(), ProtocolJson.Options).Length
            + (activity.ChannelData is null ? 0 : JsonSerializer.SerializeToUtf8Bytes(activity.ChannelData, ProtocolJson.Options).Length);
        return addressing > maxAddressingBytes ? "activity's addressing is larger than any Teams sends" : null;
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // The W3C trace id ties our log lines to the request's telemetry; a fresh one is made outside a request.
    private static string NewCorrelationId() =>
        (System.Diagnostics.Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom()).ToHexString();

    private static partial class Log
    {
        [LoggerMessage(3001, LogLevel.Warning, "Request rejected with {Status}: {Reason}")]
        public static partial void Rejected(ILogger logger, int status, string reason);

        [LoggerMessage(3002, LogLevel.Warning, "Malformed activity JSON: {Reason}")]
        public static partial void Malformed(ILogger logger, string reason);

        [LoggerMessage(3003, LogLevel.Warning, "Unauthorized request: {Reason}")]
        public static partial void Unauthorized(ILogger logger, string reason);

        [LoggerMessage(3004, LogLevel.Information, "Ignored an activity of unknown type {ActivityType}")]
        public static partial void Ignored(ILogger logger, string activityType);

        [LoggerMessage(3005, LogLevel.Information, "Activity {ActivityId} was already processed; the re-delivery is acknowledged and dropped")]
        public static partial void Duplicate(ILogger logger, string activityId);

        [LoggerMessage(3006, LogLevel.Error, "Turn failed (correlation id {CorrelationId})")]
        public static partial void TurnFailed(ILogger logger, string correlationId, Exception exception);

        [LoggerMessage(3007, LogLevel.Error, "The turn error handler failed too (correlation id {CorrelationId})")]
        public static partial void ErrorHandlerFailed(ILogger logger, string correlationId, Exception exception);

        [LoggerMessage(3008, LogLevel.Warning, "Activity de-duplication is unavailable; processing anyway")]
        public static partial void DeduplicationUnavailable(ILogger logger, Exception exception);
    }
}
