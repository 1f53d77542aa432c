namespace BillingBot.Storage.Reminders;

/// <summary>Where one reminder to one recipient stands in the ledger.</summary>
public enum ReminderLedgerState
{
    /// <summary>An instance is sending it; the claim may be taken over once it is older than the claim timeout.</summary>
    Claimed,

    /// <summary>Teams accepted it (for the suspension stage: the approval was requested).</summary>
    Sent,

    /// <summary>Not sent: by the time it was to go, its invoice was no longer owed.</summary>
    Skipped,

    /// <summary>Not sent and never retried: the recipient removed or blocked the bot.</summary>
    Undeliverable,
}
