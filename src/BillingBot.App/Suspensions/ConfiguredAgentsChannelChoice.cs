using Microsoft.Extensions.Options;

namespace BillingBot.App.Suspensions;

/// <summary>The agents' channel from configuration ("Agents:TenantId", "Agents:ChannelId").</summary>
public sealed class ConfiguredAgentsChannelChoice(IOptions<AgentsChannelOptions> options) : IAgentsChannelChoice
{
    public Task<AgentsChannelTarget?> CurrentAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return Task.FromResult(settings.IsConfigured ? new AgentsChannelTarget(settings.TenantId!.Trim(), settings.ChannelId!.Trim()) : null);
    }
}
