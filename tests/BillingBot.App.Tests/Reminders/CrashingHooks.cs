using BillingBot.App.Reminders;
using BillingBot.Storage.Reminders;

namespace BillingBot.App.Tests.Reminders;

/// <summary>
/// Kills its instance at the first delivery that reaches the crash point: the instance's token is cancelled and the
/// sweep stops right there, writing nothing more, as a process that died would (the test never uses it again).
/// Sweep with <see cref="Token"/>.
/// </summary>
public sealed class CrashingHooks(CrashPoint point) : ReminderSweepHooks, IDisposable
{
    private readonly CancellationTokenSource _kill = new();
    private int _crashed;

    /// <summary>The token to sweep with: cancelled when the instance is killed.</summary>
    public CancellationToken Token => _kill.Token;

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
            _kill.Cancel();
            _kill.Token.ThrowIfCancellationRequested();
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _kill.Dispose();
}
