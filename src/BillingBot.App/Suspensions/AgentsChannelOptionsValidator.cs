using Microsoft.Extensions.Options;

namespace BillingBot.App.Suspensions;

/// <summary>Refuses to start with a half-configured agents' channel, which would quietly drop approval requests.</summary>
public sealed class AgentsChannelOptionsValidator : IValidateOptions<AgentsChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentsChannelOptions options)
    {
        var problems = new List<string>();
        var hasTenant = !string.IsNullOrWhiteSpace(options.TenantId);
        var hasChannel = !string.IsNullOrWhiteSpace(options.ChannelId);
        if (hasChannel && !hasTenant)
        {
            // The tenant alone is fine: the channel is then picked in Teams ("use this channel").
            problems.Add("Agents:ChannelId needs Agents:TenantId: set the partner's tenant with the agents' Teams channel (or only the tenant, and pick the channel in Teams).");
        }

        if (hasTenant && !Guid.TryParse(options.TenantId, out _))
        {
            problems.Add($"Agents:TenantId '{options.TenantId}' is not a tenant id (a GUID).");
        }

        if (hasChannel && !(options.ChannelId!.StartsWith("19:", StringComparison.Ordinal) && options.ChannelId.Contains("@thread.", StringComparison.Ordinal)))
        {
            problems.Add($"Agents:ChannelId '{options.ChannelId}' is not a Teams channel id such as 19:…@thread.tacv2.");
        }

        if (options.Language is not ("en" or "pl"))
        {
            problems.Add("Agents:Language must be \"en\" or \"pl\".");
        }

        if (options.RetryInterval < TimeSpan.FromSeconds(1))
        {
            problems.Add("Agents:RetryInterval must be at least a second.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
