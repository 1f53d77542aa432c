namespace BillingBot.App.Configuration;

/// <summary>How the billing conversations behave, as configured under "Conversations".</summary>
public sealed class ConversationOptions
{
    /// <summary>Whether only the customer's billing contacts see amounts; others see statuses and dates.</summary>
    public bool AmountsOnlyForBillingContacts { get; set; } = true;

    /// <summary>How many invoices the list card shows before pointing to the rest.</summary>
    public int InvoiceListSize { get; set; } = 12;

    /// <summary>How many misunderstood messages in a row make the bot offer a person.</summary>
    public int MissesBeforeOfferingPerson { get; set; } = 2;
}
