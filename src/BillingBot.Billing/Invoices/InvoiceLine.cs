namespace BillingBot.Billing.Invoices;

/// <summary>One product on an invoice, summarised: how much of it and its net amount.</summary>
public sealed record InvoiceLine(string Product, decimal Quantity, Money Amount)
{
    public string Product { get; } = Guard.Required(Product, nameof(Product));

    /// <summary>Licences, units of consumption or months; may be fractional (e.g. 1.5 hours of support).</summary>
    public decimal Quantity { get; } = Quantity > 0m
        ? Quantity
        : throw new ArgumentOutOfRangeException(nameof(Quantity), Quantity, "The quantity must be positive.");

    /// <summary>The net amount of the line; negative for a discount.</summary>
    public Money Amount { get; } = Guard.WholeMinorUnits(Amount, nameof(Amount));
}
