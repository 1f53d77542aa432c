namespace BillingBot.TestKit.Channel;

/// <summary>
/// What a <see cref="FakeTeamsChannel"/> measured of the writes it received (sends, replies, updates, deletes, creates), by the
/// time they arrived, whether or not it enforces limits. Peaks count every write that arrived, throttled ones included.
/// </summary>
/// <param name="Writes">Writes received and counted (requests answered by a script or refused for lack of a token are not).</param>
/// <param name="Throttled">429s the channel answered because a limit was exceeded.</param>
/// <param name="PeakPerConversationPerSecond">The most writes to one conversation within any 1 s.</param>
/// <param name="PeakPerConversationPerTwoSeconds">The most writes to one conversation within any 2 s.</param>
/// <param name="PeakPerConversationPer30Seconds">The most writes to one conversation within any 30 s.</param>
/// <param name="PeakPerConversationPerHour">The most writes to one conversation within any hour.</param>
/// <param name="PeakPerTenantPerSecond">Per tenant id, the most writes within any 1 s.</param>
public sealed record ChannelRateStatistics(
    int Writes,
    int Throttled,
    int PeakPerConversationPerSecond,
    int PeakPerConversationPerTwoSeconds,
    int PeakPerConversationPer30Seconds,
    int PeakPerConversationPerHour,
    IReadOnlyDictionary<string, int> PeakPerTenantPerSecond)
{
    /// <summary>The most writes to any one tenant within any 1 s.</summary>
    public int PeakTenantPerSecond => PeakPerTenantPerSecond.Values.DefaultIfEmpty().Max();
}
