namespace BillingBot.Billing.Suspensions;

/// <summary>What happened to a suspension case; each is one entry of its audit trail.</summary>
public enum SuspensionEventKind
{
    /// <summary>An invoice reached the suspension stage and the case was opened (detail: the invoice number).</summary>
    Requested,

    /// <summary>Another invoice reached the suspension stage while the case was open (detail: its number).</summary>
    InvoiceAdded,

    /// <summary>The approval request was posted to the agents' channel.</summary>
    AskedAgents,

    /// <summary>A billing admin approved the suspension (by whom, when).</summary>
    Approved,

    /// <summary>A billing admin postponed the decision (by whom, when; detail: the date, yyyy-MM-dd).</summary>
    Postponed,

    /// <summary>The postponement ended and the admins were asked again.</summary>
    AskedAgain,

    /// <summary>The suspension order was placed with access control (detail: the order id).</summary>
    Suspended,

    /// <summary>The customer's billing contacts were told of the suspension (detail: "reached/all").</summary>
    CustomerToldOfSuspension,

    /// <summary>Nothing was overdue any more before the suspension; the case ended.</summary>
    Withdrawn,

    /// <summary>The overdue invoices were paid and the restore order was placed (detail: the order id).</summary>
    Restored,

    /// <summary>The customer's billing contacts were told access is back (detail: "reached/all").</summary>
    CustomerToldOfRestore,
}
