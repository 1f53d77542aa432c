namespace BillingBot.App.Reminders;

/// <summary>The counters of a running sweep, safe to bump from the tenants it visits in parallel.</summary>
public sealed class ReminderSweepTally
{
    private int _tenants;
    private int _planned;
    private int _claimed;
    private int _takenOver;
    private int _sent;
    private int _approvals;
    private int _skipped;
    private int _undeliverable;
    private int _failed;
    private int _cardsUpdated;
    private int _outcomesPending;
    private int _claimsLost;
    private int _tenantsFailed;
    private int _tenantsSettled;

    public void Tenant() => Interlocked.Increment(ref _tenants);

    public void Planned(int count) => Interlocked.Add(ref _planned, count);

    public void Claimed(bool takenOver)
    {
        Interlocked.Increment(ref _claimed);
        if (takenOver)
        {
            Interlocked.Increment(ref _takenOver);
        }
    }

    public void Sent() => Interlocked.Increment(ref _sent);

    public void ApprovalRequested() => Interlocked.Increment(ref _approvals);

    public void Skipped() => Interlocked.Increment(ref _skipped);

    public void Undeliverable() => Interlocked.Increment(ref _undeliverable);

    public void Failed() => Interlocked.Increment(ref _failed);

    public void CardUpdated() => Interlocked.Increment(ref _cardsUpdated);

    public void OutcomePending() => Interlocked.Increment(ref _outcomesPending);

    public void ClaimLost() => Interlocked.Increment(ref _claimsLost);

    public void TenantFailed() => Interlocked.Increment(ref _tenantsFailed);

    public void TenantSettled() => Interlocked.Increment(ref _tenantsSettled);

    public ReminderSweepResult ToResult() => new(
        Volatile.Read(ref _tenants),
        Volatile.Read(ref _planned),
        Volatile.Read(ref _claimed),
        Volatile.Read(ref _takenOver),
        Volatile.Read(ref _sent),
        Volatile.Read(ref _approvals),
        Volatile.Read(ref _skipped),
        Volatile.Read(ref _undeliverable),
        Volatile.Read(ref _failed),
        Volatile.Read(ref _cardsUpdated),
        Volatile.Read(ref _outcomesPending),
        Volatile.Read(ref _claimsLost),
        Volatile.Read(ref _tenantsFailed),
        Volatile.Read(ref _tenantsSettled));
}
