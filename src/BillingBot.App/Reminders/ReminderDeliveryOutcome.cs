namespace BillingBot.App.Reminders;

/// <summary>What happened to one delivery in a sweep.</summary>
public enum ReminderDeliveryOutcome
{
    /// <summary>Sent, skipped or undeliverable before: nothing to do.</summary>
    Done,

    /// <summary>Claimed elsewhere (or by an earlier sweep of this instance) and still live: it may yet be taken over.</summary>
    Busy,

    Sent,

    ApprovalRequested,

    Skipped,

    Undeliverable,

    /// <summary>Not finished (channel or storage failure, or no chat yet): the claim expires and a later sweep retries.</summary>
    Failed,

    /// <summary>Sent, but the claim was taken over before it was recorded: it may go twice.</summary>
    ClaimLost,

    /// <summary>Sent, but storage refused the record; it is written again at the next sweep.</summary>
    Unrecorded,
}
