using BillingBot.Storage.Reminders;

namespace BillingBot.App.Reminders;

/// <summary>The tenants a sweep visits, in this instance's order, and the watches that ran out (to forget).</summary>
public sealed record ReminderCandidateSet(IReadOnlyList<ReminderCandidate> Tenants, IReadOnlyList<WatchedTenant> Expired);
