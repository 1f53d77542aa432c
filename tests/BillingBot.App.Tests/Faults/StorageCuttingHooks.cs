using BillingBot.App.Reminders;
using BillingBot.Storage.Reminders;
using BillingBot.TestKit.Azurite;

namespace BillingBot.App.Tests.Faults;

/// <summary>Stops Azurite at the Nth delivery of a sweep that reaches a point: after its claim, or after Teams accepted it.</summary>
public sealed class StorageCuttingHooks(AzuriteFixture azurite, StoragePoint point, int delivery) : ReminderSweepHooks
{
    private int _claims;
    private int _sends;

    /// <summary>The delivery that was in flight when storage went.</summary>
    public string? CutAt { get; private set; }

    public override Task AfterClaimAsync(ReminderLedgerEntry claim, CancellationToken cancellationToken) =>
        point == StoragePoint.AfterClaim && ++_claims == delivery ? CutAsync(claim) : Task.CompletedTask;

    public override Task AfterSendAsync(ReminderLedgerEntry claim, CancellationToken cancellationToken) =>
        point == StoragePoint.AfterSend && ++_sends == delivery ? CutAsync(claim) : Task.CompletedTask;

    private Task CutAsync(ReminderLedgerEntry claim)
    {
        CutAt = claim.Delivery.Id;
        return azurite.StopAsync();
    }
}
