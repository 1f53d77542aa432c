namespace BillingBot.Billing.Invoices;

/// <summary>Where an invoice stands. Issued, PartiallyPaid, Paid and Overdue follow from amounts and dates; Disputed and Cancelled are decisions.</summary>
public enum InvoiceStatus
{
    Issued,
    PartiallyPaid,
    Paid,
    Overdue,

    /// <summary>The customer has filed a complaint (reklamacja); no reminders until it is resolved.</summary>
    Disputed,

    /// <summary>Withdrawn, usually replaced by a corrected invoice; nothing is owed on it.</summary>
    Cancelled,
}
