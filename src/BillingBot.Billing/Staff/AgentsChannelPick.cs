namespace BillingBot.Billing.Staff;

/// <summary>The agents' channel as picked in Teams: the partner's tenant, the channel's Teams id, who picked it and when.</summary>
public sealed record AgentsChannelPick(string TenantId, string ChannelId, string ByObjectId, DateTimeOffset At)
{
    public string TenantId { get; } = Guard.Required(TenantId, nameof(TenantId)).Trim();

    public string ChannelId { get; } = Guard.Required(ChannelId, nameof(ChannelId)).Trim();

    public string ByObjectId { get; } = Guard.Required(ByObjectId, nameof(ByObjectId)).Trim();
}
