namespace BillingBot.Billing.Escalations;

/// <summary>A ticket as it stands after an attempt to change it, and whether this attempt changed it.</summary>
public sealed record TicketOutcome(Ticket Ticket, bool Changed);
