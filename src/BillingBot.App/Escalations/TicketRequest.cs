using BillingBot.Billing.Escalations;

namespace BillingBot.App.Escalations;

/// <summary>What opening a ticket needs: the customer's tenant, who opens it, what it is about, how urgent, the description and the invoices concerned.</summary>
/// <param name="TenantId">The customer's tenant.</param>
/// <param name="OpenedByObjectId">The Entra object id of the customer's person who opens it; they are told of every change.</param>
/// <param name="Category">What it is about.</param>
/// <param name="Severity">How urgent.</param>
/// <param name="Description">The customer's words.</param>
/// <param name="InvoiceNumbers">The customer's invoices concerned (checked by the caller to be the tenant's own).</param>
/// <param name="HandoffId">The hand-off it comes from, if any; opening again for the same hand-off returns the same ticket.</param>
public sealed record TicketRequest(string TenantId, string OpenedByObjectId, TicketCategory Category, TicketSeverity Severity, string Description, IReadOnlyList<string> InvoiceNumbers, string? HandoffId = null);
