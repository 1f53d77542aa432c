namespace BillingBot.Billing.Handoff;

/// <summary>One entry of a hand-off's audit trail: what happened, when, by whom (null for the bot or the customer), and a detail.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When.</param>
/// <param name="ByObjectId">The Entra object id of the person who acted, when it was a person.</param>
/// <param name="ByName">Their name as known then.</param>
/// <param name="Detail">Language-neutral data: a trigger, a party, a rating, a ticket number or a date; never an amount.</param>
public sealed record HandoffEvent(HandoffEventKind Kind, DateTimeOffset At, string? ByObjectId = null, string? ByName = null, string? Detail = null);
