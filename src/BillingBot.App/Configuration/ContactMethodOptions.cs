using BillingBot.Billing.Support;

namespace BillingBot.App.Configuration;

/// <summary>One published way to reach support.</summary>
public sealed class ContactMethodOptions
{
    public ContactKind Kind { get; set; }

    public string Value { get; set; } = string.Empty;
}
