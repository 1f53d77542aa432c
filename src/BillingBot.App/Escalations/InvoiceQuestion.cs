using BillingBot.Billing.Escalations;

namespace BillingBot.App.Escalations;

/// <summary>What the ticket conversation's invoice question starts from: the category and the numbers named so far (unchecked).</summary>
public sealed class InvoiceQuestion
{
    public TicketCategory Category { get; set; }

    public List<string> Named { get; set; } = [];

    /// <summary>The conversation's language, "pl" or "en".</summary>
    public string Language { get; set; } = "en";

    /// <summary>How many times the customer has been asked already.</summary>
    public int Asked { get; set; }
}
