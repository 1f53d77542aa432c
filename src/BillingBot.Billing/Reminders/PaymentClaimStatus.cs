namespace BillingBot.Billing.Reminders;

/// <summary>Where a customer's "I've paid" stands with the partner's billing admins.</summary>
public enum PaymentClaimStatus
{
    Pending,
    Confirmed,
    Rejected,
}
