namespace BillingBot.Billing.Reminders;

/// <summary>A customer's promise to pay an invoice by a date: no dunning for it until the day after.</summary>
public sealed record PromiseToPay(string TenantId, string InvoiceNumber, DateOnly PromisedDate, string ByObjectId, DateTimeOffset MadeAt);
