using BillingBot.Billing.Invoices;

namespace BillingBot.Storage.Reminders;

/// <summary>
/// One row of the reminder ledger: the claim on a delivery, then its outcome, then what its card shows. Writes to it are
/// conditional on <see cref="ETag"/>, so of two instances only one ever claims, records or updates it.
/// </summary>
/// <param name="Delivery">The reminder and its recipient.</param>
/// <param name="State">Claimed, then Sent, Skipped or Undeliverable.</param>
/// <param name="Owner">The instance that holds (or last held) the claim.</param>
/// <param name="ClaimedAt">When the claim was made or last taken over.</param>
/// <param name="Claims">How many times it was claimed: more than one means a stale claim was taken over.</param>
/// <param name="ETag">The row's ETag, for the next conditional write.</param>
public sealed record ReminderLedgerEntry(
    ReminderDelivery Delivery,
    ReminderLedgerState State,
    string Owner,
    DateTimeOffset ClaimedAt,
    int Claims,
    string ETag)
{
    /// <summary>When the outcome was recorded.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Where a sent reminder landed (null for the suspension stage, which posts nothing to the customer).</summary>
    public ReminderSentTo? SentTo { get; init; }

    /// <summary>Why it was skipped or undeliverable, in a word or code (e.g. "Paid", "ConversationBlockedByUser").</summary>
    public string? Reason { get; init; }

    /// <summary>Whether the sent card may still have to change with its invoice.</summary>
    public bool CardPending { get; init; }

    /// <summary>The invoice status the card was last updated to show, or null while it shows the reminder as sent.</summary>
    public InvoiceStatus? CardStatus { get; init; }

    public DateTimeOffset? CardUpdatedAt { get; init; }

    /// <summary>The instance updating the card, while it does.</summary>
    public string? CardOwner { get; init; }

    public DateTimeOffset? CardClaimedAt { get; init; }

    /// <summary>Whether the claim is older than the timeout, so its owner is presumed dead and another instance may take it over.</summary>
    public bool IsStaleClaim(DateTimeOffset now, TimeSpan timeout) => State == ReminderLedgerState.Claimed && now - ClaimedAt >= timeout;
}
