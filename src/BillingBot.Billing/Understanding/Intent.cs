namespace BillingBot.Billing.Understanding;

/// <summary>What a customer's message asks for, in the partner's billing conversations.</summary>
public enum Intent
{
    /// <summary>Nothing the bot handles: off-topic, or not understood.</summary>
    None,

    /// <summary>Whether an invoice is paid, or what state it is in.</summary>
    InvoiceStatus,

    /// <summary>What the customer owes in total (saldo, zaległość).</summary>
    Balance,

    /// <summary>The customer's invoices, for a period or all of them.</summary>
    ListInvoices,

    /// <summary>By when an invoice must be paid (termin płatności).</summary>
    DueDate,

    /// <summary>How to pay: bank transfer details, account number, methods.</summary>
    HowToPay,

    /// <summary>When the customer is invoiced (okres rozliczeniowy).</summary>
    BillingPeriod,

    /// <summary>Why an invoice differs from the previous one.</summary>
    InvoiceChanged,

    /// <summary>What happens when an invoice is not paid (zasady windykacji).</summary>
    CollectionPolicy,

    /// <summary>Whether access to subscriptions is, or will be, suspended for non-payment.</summary>
    AccessAtRisk,

    /// <summary>The partner's support offer: hours, contact method, price list.</summary>
    SupportOffer,

    /// <summary>The customer wants a person (konsultant) rather than the bot.</summary>
    TalkToPerson,

    /// <summary>The customer wants to open a case: a complaint, a dispute, an escalation.</summary>
    OpenEscalation,

    /// <summary>Where an open case (zgłoszenie, reklamacja) stands.</summary>
    EscalationStatus,

    /// <summary>When and whether the customer is reminded of payments.</summary>
    ReminderPreferences,

    /// <summary>A greeting.</summary>
    Greeting,

    /// <summary>Thanks.</summary>
    Thanks,

    /// <summary>What the bot can do.</summary>
    Help,

    /// <summary>Stop what is going on.</summary>
    Cancel,

    /// <summary>The customer wants to buy more, upgrade or add a service (licences, Copilot, an Azure subscription): a lead for sales.</summary>
    Purchase,
}
