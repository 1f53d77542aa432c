namespace BillingBot.Billing.Escalations;

/// <summary>The Microsoft case a ticket was escalated to: the route taken, the case number and status the agent entered, and when last updated.</summary>
public sealed record MicrosoftCase(MicrosoftSupportRoute Route, string CaseNumber, string Status, DateTimeOffset UpdatedAt);
