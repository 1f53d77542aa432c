namespace BillingBot.Storage.Reminders;

/// <summary>The answer to a claim: the claimed row, or what stands in the way (the delivery is done, or another instance holds a live claim).</summary>
/// <param name="Claimed">The row now claimed by the caller, with its ETag; null when not claimed.</param>
/// <param name="Found">The row found when the claim failed; null when it was claimed, or lost to a concurrent first claim.</param>
public sealed record ReminderClaimResult(ReminderLedgerEntry? Claimed, ReminderLedgerEntry? Found)
{
    /// <summary>Sent, skipped or undeliverable already: nothing more will ever happen to it.</summary>
    public bool IsDone => Claimed is null && Found is { State: not ReminderLedgerState.Claimed };

    /// <summary>Another instance (or this one, earlier) holds a live claim: it may still be sent, or be taken over later.</summary>
    public bool IsBusy => Claimed is null && !IsDone;
}
