using System.ComponentModel.DataAnnotations;

namespace BillingBot.Protocol.Connector;

/// <summary>How the connector client retries, times out, and how fast it may write into Teams.</summary>
public sealed class ConnectorOptions
{
    /// <summary>Retries after the first attempt, on 429, 412, 502, 503 and 504.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; it doubles each retry, with jitter. Retry-After wins when the channel sends it.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One attempt's time limit.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>All attempts together, backoff included. Waiting for the conversation's turn and for room under the rate limits comes before it.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The app's ceiling of requests a second per tenant. It holds per process: with several instances, give each its share.
    /// The per-conversation limits are Teams' own (<see cref="TeamsRateLimits.PerConversation"/>).
    /// </summary>
    [Range(1, 10_000)]
    public int TenantRequestsPerSecond { get; set; } = TeamsRateLimits.DefaultTenantRequestsPerSecond;

    /// <summary>
    /// Added to every rate-limit window, so that requests sent a window apart still arrive a window apart after network jitter.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan RateLimitMargin { get; set; } = TimeSpan.FromMilliseconds(100);
}
