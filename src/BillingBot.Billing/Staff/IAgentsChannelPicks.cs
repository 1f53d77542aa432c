namespace BillingBot.Billing.Staff;

/// <summary>Where the agents' channel picked in Teams is kept; it wins over the configured one.</summary>
public interface IAgentsChannelPicks
{
    /// <summary>The current pick, or null when no channel was ever picked in Teams: one point read.</summary>
    Task<AgentsChannelPick?> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>Keeps a pick in place of the previous one.</summary>
    Task SaveAsync(AgentsChannelPick pick, CancellationToken cancellationToken);
}
