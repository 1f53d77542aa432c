using System.Collections.Concurrent;
using BillingBot.Billing.Suspensions;

namespace BillingBot.App.Tests.Suspensions;

/// <summary>An access-control port that records every call, so tests can count what reached it.</summary>
public sealed class CountingAccessControl : IAccessControl
{
    private readonly ConcurrentQueue<(AccessOrderKind Kind, AccessChange Change)> _calls = new();

    public IReadOnlyList<(AccessOrderKind Kind, AccessChange Change)> Calls => [.. _calls];

    public IReadOnlyList<AccessChange> CallsFor(string tenantId, AccessOrderKind kind) =>
        [.. Calls.Where(c => c.Kind == kind && c.Change.TenantId == tenantId).Select(c => c.Change)];

    public Task<AccessOrder> SuspendAsync(AccessChange change, CancellationToken cancellationToken) => Record(AccessOrderKind.Suspend, change);

    public Task<AccessOrder> RestoreAsync(AccessChange change, CancellationToken cancellationToken) => Record(AccessOrderKind.Restore, change);

    private Task<AccessOrder> Record(AccessOrderKind kind, AccessChange change)
    {
        _calls.Enqueue((kind, change));
        return Task.FromResult(new AccessOrder(change.OrderId, kind, change.TenantId, change.CaseId, change.RequestedBy, change.RequestedAt, AccessOrderStatus.Recorded));
    }
}
