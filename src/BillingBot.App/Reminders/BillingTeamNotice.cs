namespace BillingBot.App.Reminders;

/// <summary>Something the partner's billing team must know, e.g. that a contact can no longer be reached in Teams.</summary>
/// <param name="TenantId">The customer concerned.</param>
/// <param name="Subject">A short title.</param>
/// <param name="Details">What happened and what to do, in plain words (no amounts, no secrets).</param>
public sealed record BillingTeamNotice(string TenantId, string Subject, string Details);
