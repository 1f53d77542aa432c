namespace BillingBot.Billing.Suspensions;

/// <summary>
/// A request to suspend or restore a customer's access. <see cref="OrderId"/> is the same each time the same change is
/// asked for again (after a crash, say), so an access-control system can place it once.
/// </summary>
/// <param name="OrderId">The idempotency key of the order: "{case id}-suspend" or "{case id}-restore".</param>
/// <param name="TenantId">The customer.</param>
/// <param name="CaseId">The suspension case the change belongs to.</param>
/// <param name="InvoiceNumbers">The overdue invoices behind it.</param>
/// <param name="RequestedBy">The Entra object id of the billing admin who approved it, or "bot" when it follows a payment.</param>
/// <param name="RequestedAt">When it was asked for.</param>
public sealed record AccessChange(string OrderId, string TenantId, string CaseId, IReadOnlyList<string> InvoiceNumbers, string RequestedBy, DateTimeOffset RequestedAt);
