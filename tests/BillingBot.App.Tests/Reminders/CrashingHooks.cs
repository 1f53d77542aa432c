using BillingBot.App.Reminders;
using BillingBot.Storage.Reminders;

namespace BillingBot.App.Tests.Reminders;

/// <summary>
/// Kills its instance at the first delivery that reaches the crash point: the sweep stops right there, writing nothing
/// more, as a process that died would (the test then never uses that instance again).
/// </summary>
public sealed class CrashingHooks(CrashPoint point) : ReminderSweepHooks
{
    private int _crashed;

    public CrashPoint Point { get; } = point;

    /// <summary>The delivery the instance died on, once it did.</summary>
    public string? CrashedOn { get; private set; }

    public override Task AfterClaimAsync(ReminderLedgerEntry claim, CancellationToken cancellationToken) =>
        Point == CrashPoint.AfterClaim ? CrashAsync(claim) : Task.CompletedTask;

    public override Task AfterSendAsync(ReminderLedgerEntry claim, CancellationToken cancellationToken) =>
        Point == CrashPoint.AfterSend ? CrashAsync(claim) : Task.CompletedTask;

    private Task CrashAsync(ReminderLedgerEntry claim)
    {
        if (Interlocked.Exchange(ref _crashed, 1) == 0)
        {
            CrashedOn = claim.Delivery.Id;
            throw new OperationCanceledException($"Instance killed at {Point} on {claim.Delivery.Id}.");
        }

        return Task.CompletedTask;
    }
}
