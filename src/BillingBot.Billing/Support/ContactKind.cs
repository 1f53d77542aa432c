namespace BillingBot.Billing.Support;

/// <summary>How customers can reach the partner's support.</summary>
public enum ContactKind
{
    Teams,
    Email,
    Phone,
    Portal,
}
