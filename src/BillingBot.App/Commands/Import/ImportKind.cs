namespace BillingBot.App.Commands.Import;

/// <summary>What a CSV file holds.</summary>
public enum ImportKind
{
    Customers,
    Invoices,
    Payments,
}
