namespace BillingBot.Billing.Touchpoints;

/// <summary>The kinds of contact a customer had with the partner through the bot.</summary>
public enum TouchpointKind
{
    /// <summary>The customer asked the bot something (topic: the recognized intent).</summary>
    Question,

    /// <summary>The customer asked for a person (topic: the recognized intent of the request).</summary>
    Handoff,

    /// <summary>The customer opened a ticket (topic: its category).</summary>
    Ticket,

    /// <summary>The bot sent the customer a reminder (topic: the reminder kind).</summary>
    Reminder,

    /// <summary>The customer asked about buying more, upgrading or a new service (topic: the intent).</summary>
    SalesLead,
}
