namespace BillingBot.Billing.Suspensions;

/// <summary>What an access-control order asks for.</summary>
public enum AccessOrderKind
{
    Suspend,
    Restore,
}
