using System.Globalization;
using BillingBot.App.Bot;

namespace BillingBot.App.Suspensions;

/// <summary>
/// The partner's agents' channel, as configured under "Agents": the Teams channel where suspension approvals and notices
/// for the billing team are posted. The bot must be installed in that channel's team; it uses the reference it stored then.
/// </summary>
public sealed class AgentsChannelOptions
{
    /// <summary>
    /// The partner's own Entra tenant id (a GUID): approvals are accepted only from it. Set alone (without
    /// <see cref="ChannelId"/>), it fixes the partner's tenant and the channel is picked in Teams ("use this channel").
    /// </summary>
    public string? TenantId { get; set; }

    /// <summary>The channel's Teams id, such as 19:…@thread.tacv2 (from the channel's link).</summary>
    public string? ChannelId { get; set; }

    /// <summary>
    /// The sales agents' channel (leads from customers who ask about buying more), in the same team as the agents'
    /// channel; empty means the agents' channel.
    /// </summary>
    public string? SalesChannelId { get; set; }

    /// <summary>The language of the approval cards and notices: "en" (default) or "pl".</summary>
    public string Language { get; set; } = "en";

    /// <summary>How often notices kept while the channel was unavailable are tried again.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether a channel is configured at all; without one, notices and approval requests are logged and kept.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ChannelId);

    public CultureInfo Culture => BotCulture.FromLocale(Language);
}
