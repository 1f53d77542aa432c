namespace BillingBot.Billing.Support;

/// <summary>The support plans a customer can have with the partner.</summary>
public enum SupportPlan
{
    Basic,
    Standard,
    Premium,
}
