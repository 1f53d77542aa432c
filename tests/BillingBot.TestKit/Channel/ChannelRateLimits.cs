namespace BillingBot.TestKit.Channel;

/// <summary>
/// The rate limits a <see cref="FakeTeamsChannel"/> enforces when given them, by the time requests arrive. Per conversation
/// they are Teams' documented ones for sends and creates: 7 in any 1 s, 8 in 2 s, 60 in 30 s and 1,800 in an hour. Per
/// tenant, the app's ceiling of <paramref name="TenantRequestsPerSecond"/> in any 1 s. Sends, replies, updates, deletes and
/// creates all count; a create counts against the conversation it creates and its tenant.
/// </summary>
/// <param name="TenantRequestsPerSecond">Teams' stored page says 30; a newer page is quoted as 50.</param>
public sealed record ChannelRateLimits(int TenantRequestsPerSecond = 30)
{
    /// <summary>Teams' documented limits, with the stored page's 30 requests a second per tenant.</summary>
    public static ChannelRateLimits Teams { get; } = new();
}
