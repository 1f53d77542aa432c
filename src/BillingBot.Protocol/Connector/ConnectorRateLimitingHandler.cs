using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace BillingBot.Protocol.Connector;

/// <summary>
/// Sits inside the retry loop, so that every attempt, retries included, books its own send time: Teams counts each request.
/// On a 429 it pauses the conversation and its tenant for the Retry-After, so the sends queued behind do not hammer.
/// </summary>
internal sealed partial class ConnectorRateLimitingHandler(ConnectorRateLimiter limiter, ILogger<ConnectorRateLimitingHandler> logger)
    : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<ConnectorTarget> TargetOption = new("BillingBot.Connector.Target");

    // Teams always sends Retry-After with a 429; should it not, wait as long as its smallest window.
    private static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(TargetOption, out var target))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using (var lease = await limiter.AcquireAsync(target, 1, cancellationToken).ConfigureAwait(false))
        {
            if (!lease.IsAcquired)
            {
                throw new ObjectDisposedException(nameof(ConnectorRateLimiter));
            }
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var pause = RetryAfter(response) ?? DefaultPause;
            limiter.Pause(target, pause);
            Log.Throttled(logger, target.ConversationId, target.TenantId, pause.TotalSeconds);
        }

        return response;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        // A date is read against the response's own Date header, which keeps our clock out of it.
        { Date: { } date } when response.Headers.Date is { } sent => date - sent,
        _ => null,
    };

    private static partial class Log
    {
        [LoggerMessage(2003, LogLevel.Warning, "Teams throttled a write to conversation {ConversationId} (tenant {TenantId}); both pause for {Seconds} s")]
        public static partial void Throttled(ILogger logger, string? conversationId, string? tenantId, double seconds);
    }
}
