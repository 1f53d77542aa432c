namespace BillingBot.Billing.Customers;

/// <summary>What a person does for the customer in billing matters.</summary>
public enum BillingContactRole
{
    /// <summary>The main contact; sees amounts and decides.</summary>
    Primary,

    /// <summary>Accounts payable; sees amounts.</summary>
    Billing,

    /// <summary>An IT contact; is told about services, never about amounts.</summary>
    Technical,
}
