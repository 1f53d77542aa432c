namespace BillingBot.Billing.Suspensions;

/// <summary>The record of an access-control order: what was asked, for whom, by whom and when, and how far it got.</summary>
public sealed record AccessOrder(string OrderId, AccessOrderKind Kind, string TenantId, string CaseId, string RequestedBy, DateTimeOffset RequestedAt, AccessOrderStatus Status);
