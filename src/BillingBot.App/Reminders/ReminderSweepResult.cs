namespace BillingBot.App.Reminders;

/// <summary>What one sweep of one instance did, counted per delivery (a reminder to one recipient).</summary>
/// <param name="Tenants">Customers visited.</param>
/// <param name="Planned">Deliveries the planner said are due now (already handled ones included).</param>
/// <param name="Claimed">Deliveries this instance claimed, stale claims it took over included.</param>
/// <param name="TakenOver">Of those, claims of a presumed-dead instance that this instance took over.</param>
/// <param name="Sent">Reminders Teams accepted from this instance.</param>
/// <param name="ApprovalsRequested">Suspension stages passed to the suspension workflow.</param>
/// <param name="Skipped">Claimed but not sent, because the invoice was no longer owed.</param>
/// <param name="Undeliverable">Claimed but not sent, because the recipient removed or blocked the bot.</param>
/// <param name="Failed">Claimed and not finished (channel or storage failure): the claim expires and a later sweep retries.</param>
/// <param name="CardsUpdated">Sent cards replaced because their invoice changed.</param>
/// <param name="OutcomesPending">Sent, but the record failed; kept in memory and written again at the next sweep.</param>
/// <param name="ClaimsLost">Sent, but meanwhile the claim was taken over by another instance: a possible duplicate.</param>
/// <param name="TenantsFailed">Customers whose visit failed before their reminders were planned (e.g. storage down).</param>
/// <param name="TenantsSettled">Customers not visited: their last visit left nothing open and nothing that brought them here changed.</param>
public sealed record ReminderSweepResult(
    int Tenants,
    int Planned,
    int Claimed,
    int TakenOver,
    int Sent,
    int ApprovalsRequested,
    int Skipped,
    int Undeliverable,
    int Failed,
    int CardsUpdated,
    int OutcomesPending,
    int ClaimsLost,
    int TenantsFailed,
    int TenantsSettled);
