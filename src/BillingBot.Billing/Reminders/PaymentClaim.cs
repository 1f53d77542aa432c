namespace BillingBot.Billing.Reminders;

/// <summary>A customer's "I've paid" for an invoice, waiting for a billing admin to confirm it; dunning pauses meanwhile.</summary>
public sealed record PaymentClaim(string TenantId, string InvoiceNumber, string ByObjectId, DateTimeOffset ClaimedAt, PaymentClaimStatus Status);
