namespace BillingBot.Billing.Customers;

/// <summary>The support plan a customer buys from the partner.</summary>
public enum SupportPlan
{
    Basic,
    Standard,
    Premium,
}
