namespace BillingBot.Protocol.Connector;

/// <summary>The rate limits Teams documents for a bot writing into conversations (msteams-docs bots/how-to/rate-limit.md).</summary>
public static class TeamsRateLimits
{
    /// <summary>The app's default ceiling per tenant. The stored rate-limit page says 30 a second; a newer page is quoted as 50.</summary>
    public const int DefaultTenantRequestsPerSecond = 30;

    /// <summary>
    /// Per bot per conversation (thread), for sends and creates: 7 a second, 8 in two seconds, 60 in 30 seconds and 1,800 an hour,
    /// all at once. The two-second row is in Teams' table too, and is the strictest over short bursts.
    /// </summary>
    public static IReadOnlyList<RateWindow> PerConversation { get; } =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];
}
