namespace BillingBot.Billing.Escalations;

/// <summary>One entry of a ticket's audit trail: what happened, when, by whom (null for the bot or the customer), and a detail.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When.</param>
/// <param name="ByObjectId">The Entra object id of the staff member who acted, when it was one.</param>
/// <param name="ByName">Their name as known then.</param>
/// <param name="Detail">Language-neutral data: a category, a route and case number, a status; never an amount.</param>
public sealed record TicketEvent(TicketEventKind Kind, DateTimeOffset At, string? ByObjectId = null, string? ByName = null, string? Detail = null);
