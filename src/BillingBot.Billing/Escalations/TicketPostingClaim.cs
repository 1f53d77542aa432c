namespace BillingBot.Billing.Escalations;

/// <summary>An app instance's claim to post a ticket's card to the agents' channel, and since when it holds it.</summary>
public sealed record TicketPostingClaim(string Owner, DateTimeOffset At);
