namespace BillingBot.Storage.Reminders;

/// <summary>A tenant the reminder sweep visits every time until a day, whatever its due dates (see <see cref="TableReminderWatch"/>).</summary>
/// <param name="TenantId">The customer.</param>
/// <param name="Until">The last day (in the tenant's calendar, give or take a day) it must be visited.</param>
/// <param name="Reason">Why: "snooze", "promise", "payment-claim" or "suspension".</param>
/// <param name="ETag">For a conditional delete once it expired.</param>
public sealed record WatchedTenant(string TenantId, DateOnly Until, string Reason, string ETag);
