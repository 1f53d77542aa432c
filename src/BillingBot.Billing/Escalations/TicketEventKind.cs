namespace BillingBot.Billing.Escalations;

/// <summary>What happened to a ticket; each is one entry of its audit trail, and each the customer is told of.</summary>
public enum TicketEventKind
{
    /// <summary>The ticket was opened (detail: the category).</summary>
    Opened,

    /// <summary>An agent picked it up.</summary>
    Started,

    /// <summary>The agent waits for the customer.</summary>
    WaitingForCustomer,

    /// <summary>The customer answered; the agent works on it again.</summary>
    CustomerAnswered,

    /// <summary>Escalated to Microsoft (detail: "route|case number").</summary>
    EscalatedToMicrosoft,

    /// <summary>The agent entered a new status of the Microsoft case (detail: the status).</summary>
    MicrosoftStatusUpdated,

    Resolved,

    Closed,
}
