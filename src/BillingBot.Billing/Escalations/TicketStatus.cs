namespace BillingBot.Billing.Escalations;

/// <summary>Where a support ticket stands.</summary>
public enum TicketStatus
{
    /// <summary>Opened; no agent has picked it up.</summary>
    New,

    /// <summary>An agent works on it.</summary>
    InProgress,

    /// <summary>The agent needs something from the customer.</summary>
    WaitingForCustomer,

    /// <summary>The partner took it to Microsoft; a Microsoft case is open.</summary>
    EscalatedToMicrosoft,

    /// <summary>Solved; the customer may still say otherwise before it closes.</summary>
    Resolved,

    /// <summary>Done.</summary>
    Closed,
}
