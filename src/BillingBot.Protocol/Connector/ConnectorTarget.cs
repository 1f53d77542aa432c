using BillingBot.Protocol.Schema;

namespace BillingBot.Protocol.Connector;

/// <summary>
/// What a connector call writes to, as Teams counts it: the conversation (null for a conversation not created yet) and its tenant
/// (null when unknown; then only the conversation's limits apply).
/// </summary>
public sealed record ConnectorTarget(string? ConversationId, string? TenantId)
{
    /// <summary>A send, reply or update: the tenant comes from the activity's channelData.tenant.id or conversation.tenantId.</summary>
    public static ConnectorTarget ForActivity(string conversationId, Activity? activity) =>
        new(conversationId, activity?.GetTenantId() is { Length: > 0 } tenant ? tenant : null);

    /// <summary>A create-conversation call counts against its tenant: tenantId, channelData.tenant.id, or the activity's.</summary>
    public static ConnectorTarget ForNewConversation(ConversationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var tenant = parameters.TenantId is { Length: > 0 } id ? id
            : parameters.ChannelData?.Tenant?.Id is { Length: > 0 } dataId ? dataId
            : parameters.Activity?.GetTenantId();
        return new(null, tenant is { Length: > 0 } ? tenant : null);
    }
}
