namespace BillingBot.Billing.Escalations;

/// <summary>What a ticket is about; it decides, among other things, the route to Microsoft.</summary>
public enum TicketCategory
{
    BillingQuestion,

    /// <summary>The customer disputes an invoice: dunning of the invoices it names pauses while it is open.</summary>
    InvoiceDispute,

    PaymentProblem,

    Licensing,

    Subscriptions,

    TechnicalProblem,
}
