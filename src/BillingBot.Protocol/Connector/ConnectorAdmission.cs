using System.Threading.RateLimiting;

namespace BillingBot.Protocol.Connector;

/// <summary>
/// The right to make one connector call, held until the call and its retries are over: the conversation's turn (writes to one
/// conversation go one at a time, in order) and one of the tenant's slots (which bounds how far ahead the tenant is booked).
/// </summary>
internal sealed class ConnectorAdmission(ConnectorTarget target, RateLimitLease? conversationTurn, RateLimitLease? tenantSlot) : IDisposable
{
    /// <summary>The target with the tenant filled in from what the limiter remembers of the conversation.</summary>
    public ConnectorTarget Target { get; } = target;

    public void Dispose()
    {
        tenantSlot?.Dispose();
        conversationTurn?.Dispose();
    }
}
