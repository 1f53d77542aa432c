using System.ComponentModel.DataAnnotations;

namespace BillingBot.Protocol.Connector;

/// <summary>How the connector client retries and times out.</summary>
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

    /// <summary>All attempts together, backoff included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);
}
