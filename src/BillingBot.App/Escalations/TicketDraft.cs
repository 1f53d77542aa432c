using BillingBot.Billing.Escalations;

namespace BillingBot.App.Escalations;

/// <summary>The ticket a customer is describing in the chat, kept in the dialog's state between their answers.</summary>
public sealed class TicketDraft
{
    /// <summary>"pl" or "en": the language the conversation started in, kept to its end (a short answer such as "Wysoka" or "OK" may look like either).</summary>
    public string Language { get; set; } = "en";

    public TicketCategory? Category { get; set; }

    /// <summary>The invoices concerned: at first as named in the message (unchecked), then the customer's own, checked.</summary>
    public List<string> InvoiceNumbers { get; set; } = [];

    public string? Description { get; set; }

    public TicketSeverity? Severity { get; set; }
}
