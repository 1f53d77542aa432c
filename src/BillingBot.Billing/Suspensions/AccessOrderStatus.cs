namespace BillingBot.Billing.Suspensions;

/// <summary>How far an access-control order got.</summary>
public enum AccessOrderStatus
{
    /// <summary>Recorded for a person to apply (no access-control system is connected).</summary>
    Recorded,

    /// <summary>Applied by the connected access-control system (for example Partner Center).</summary>
    Completed,
}
