namespace BillingBot.App.Suspensions;

/// <summary>Which Teams channel is the agents' channel now: picked in Teams after installing the bot there, or configured.</summary>
public interface IAgentsChannelChoice
{
    /// <summary>The channel in use, or null when none is picked or configured.</summary>
    Task<AgentsChannelTarget?> CurrentAsync(CancellationToken cancellationToken);
}
