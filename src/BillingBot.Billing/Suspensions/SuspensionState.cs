namespace BillingBot.Billing.Suspensions;

/// <summary>Where a suspension case stands, in the order of its life.</summary>
public enum SuspensionState
{
    /// <summary>The billing admins were asked to approve or postpone; nobody has decided yet.</summary>
    Requested,

    /// <summary>A billing admin postponed the decision to a date; the admins are asked again then.</summary>
    Postponed,

    /// <summary>A billing admin approved; the access-control order is being placed.</summary>
    Approved,

    /// <summary>Access is suspended until the overdue invoices are paid.</summary>
    Suspended,

    /// <summary>The overdue invoices were paid and access was restored.</summary>
    Restored,

    /// <summary>Nothing was overdue any more before access was suspended: the case ended without a suspension.</summary>
    Withdrawn,
}
