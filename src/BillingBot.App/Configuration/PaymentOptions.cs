namespace BillingBot.App.Configuration;

/// <summary>How customers pay the partner, as configured under "Payments".</summary>
public sealed class PaymentOptions
{
    public string BankName { get; set; } = string.Empty;

    /// <summary>The account number (IBAN) customers transfer to.</summary>
    public string AccountNumber { get; set; } = string.Empty;

    public string? Swift { get; set; }

    /// <summary>A page where invoices can be paid by card, if the partner offers one.</summary>
    public Uri? CardPaymentUrl { get; set; }
}
