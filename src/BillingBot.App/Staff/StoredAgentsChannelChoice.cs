using BillingBot.App.Suspensions;
using BillingBot.Billing.Staff;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Staff;

/// <summary>
/// The agents' channel in use: the one picked in Teams (see <see cref="AgentsChannelPicker"/>), else the configured
/// one ("Agents:TenantId", "Agents:ChannelId"). A pick outside the configured partner tenant never counts. Each call is
/// one point read, so a pick made on one instance of the app is used by every instance at once.
/// </summary>
public sealed class StoredAgentsChannelChoice(IAgentsChannelPicks picks, IOptions<AgentsChannelOptions> options) : IAgentsChannelChoice
{
    public async Task<AgentsChannelTarget?> CurrentAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var partnerTenant = string.IsNullOrWhiteSpace(settings.TenantId) ? null : settings.TenantId.Trim();
        if (await picks.CurrentAsync(cancellationToken).ConfigureAwait(false) is { } pick
            && (partnerTenant is null || string.Equals(pick.TenantId, partnerTenant, StringComparison.OrdinalIgnoreCase)))
        {
            return new AgentsChannelTarget(pick.TenantId, pick.ChannelId);
        }

        return settings.IsConfigured ? new AgentsChannelTarget(partnerTenant!, settings.ChannelId!.Trim()) : null;
    }
}
