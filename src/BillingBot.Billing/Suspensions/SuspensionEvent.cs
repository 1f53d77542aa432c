namespace BillingBot.Billing.Suspensions;

/// <summary>One entry of a suspension case's audit trail: what happened, when, by whom (null for the bot itself), and a detail.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When.</param>
/// <param name="ByObjectId">The Entra object id of the staff member who decided, or null when the bot acted on its own.</param>
/// <param name="ByName">Their name as the staff directory knew it then.</param>
/// <param name="Detail">Language-neutral data: an invoice number, a date (yyyy-MM-dd), an order id or "reached/all"; never an amount.</param>
public sealed record SuspensionEvent(SuspensionEventKind Kind, DateTimeOffset At, string? ByObjectId = null, string? ByName = null, string? Detail = null);
