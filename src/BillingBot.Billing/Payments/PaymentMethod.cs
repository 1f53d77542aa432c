namespace BillingBot.Billing.Payments;

/// <summary>How a payment reached the partner.</summary>
public enum PaymentMethod
{
    /// <summary>Przelew: the customer paid to the partner's account, usually with the invoice number as the title.</summary>
    BankTransfer,
    Card,
    DirectDebit,
}
