namespace BillingBot.App.Suspensions;

/// <summary>The partner's agents' channel in use: the partner's tenant and the channel's Teams id (19:…@thread.tacv2).</summary>
public sealed record AgentsChannelTarget(string TenantId, string ChannelId);
