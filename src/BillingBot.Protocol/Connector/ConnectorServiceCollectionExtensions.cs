using System.Net;
using BillingBot.Protocol.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace BillingBot.Protocol.Connector;

/// <summary>Registers the connector client with its token provider, trust list, rate limiter and resilience pipeline.</summary>
public static class ConnectorServiceCollectionExtensions
{
    private static readonly HttpStatusCode[] Transient =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway,
         HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ConnectorOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConnectorTrustOptions>();
        services.TryAddSingleton<TrustedServiceUrls>();
        services.AddHttpClient(MsalHttpClientFactory.ClientName);
        services.TryAddSingleton<Microsoft.Identity.Client.IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.TryAddSingleton<IAccessTokenProvider, MsalAccessTokenProvider>();

        services.TryAddSingleton(sp => new ConnectorRateLimiter(
            sp.GetRequiredService<IOptions<ConnectorOptions>>(),
            sp.GetKeyedService<TimeProvider>(ConnectorRateLimiter.ClockServiceKey) ?? TimeProvider.System));
        services.TryAddTransient<ConnectorRateLimitingHandler>();
        services.TryAddTransient<ConnectorTokenHandler>();

        // Inside the retry loop and its timeouts: the token of each attempt (MSAL caches it), then the rate limiter, last,
        // right before the socket: every attempt, retries included, books its send time as close to the wire as possible,
        // so that the time Teams sees is the time that was booked.
        var client = services.AddHttpClient<IConnectorClient, ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler("connector", static (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
                builder.AddTimeout(options.TotalTimeout);
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BaseDelay,
                    MaxDelay = options.MaxDelay,
                    ShouldRetryAfterHeader = true,
                    // A timed-out or reset POST may already have been delivered, and Teams has no idempotent send:
                    // only answers that say the request was not applied are retried.
                    ShouldHandle = args => ValueTask.FromResult(
                        options.MaxRetries > 0 && args.Outcome.Result is { } response && Transient.Contains(response.StatusCode)),
                });
                builder.AddTimeout(options.AttemptTimeout);
            });
        client.AddHttpMessageHandler<ConnectorTokenHandler>();
        client.AddHttpMessageHandler<ConnectorRateLimitingHandler>();
        return services;
    }
}
