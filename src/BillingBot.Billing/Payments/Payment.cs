namespace BillingBot.Billing.Payments;

/// <summary>
/// Money received from a customer against one invoice. Recording a payment brings the invoice's AmountPaid and status
/// up to date (see <see cref="Invoices.Invoice.ApplyPayments"/>); the payment id makes recording it again harmless.
/// </summary>
public sealed record Payment(
    string PaymentId,
    string TenantId,
    string InvoiceNumber,
    DateTimeOffset ReceivedAt,
    Money Amount,
    PaymentMethod Method,
    string? Reference)
{
    /// <summary>The id the bank or payment provider gave the payment; unique within the customer.</summary>
    public string PaymentId { get; } = Guard.Required(PaymentId, nameof(PaymentId));

    public string TenantId { get; } = Guard.Required(TenantId, nameof(TenantId));

    public string InvoiceNumber { get; } = Guard.Required(InvoiceNumber, nameof(InvoiceNumber));

    public DateTimeOffset ReceivedAt { get; } = ReceivedAt;

    /// <summary>What was received; always positive.</summary>
    public Money Amount { get; } = Amount.Amount > 0m
        ? Guard.WholeMinorUnits(Amount, nameof(Amount))
        : throw new ArgumentOutOfRangeException(nameof(Amount), Amount, "A payment amount must be positive.");

    public PaymentMethod Method { get; } = Guard.Defined(Method, nameof(Method));

    /// <summary>The transfer title or provider reference, when there is one.</summary>
    public string? Reference { get; } = string.IsNullOrWhiteSpace(Reference) ? null : Reference;
}
