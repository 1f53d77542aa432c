namespace BillingBot.Billing.Handoff;

/// <summary>What happened to a hand-off; each is one entry of its audit trail.</summary>
public enum HandoffEventKind
{
    /// <summary>The customer asked for a person (detail: the trigger).</summary>
    Requested,

    /// <summary>The request card was posted to the agents' channel.</summary>
    Offered,

    /// <summary>Nobody accepted in time; the request went to all support agents.</summary>
    Escalated,

    /// <summary>An agent accepted (by whom, when).</summary>
    Accepted,

    /// <summary>The relay between the customer and the agent's thread started.</summary>
    RelayStarted,

    /// <summary>The agent or the customer ended the hand-off (by whom; detail: the party).</summary>
    Ended,

    /// <summary>The customer rated the hand-off (detail: 1 to 5).</summary>
    Rated,

    /// <summary>Asked for outside support hours (detail: when people are back, ISO 8601, or empty).</summary>
    Queued,

    /// <summary>The queued request became a ticket (detail: the ticket number).</summary>
    Ticketed,

    /// <summary>The customer stopped waiting before an agent took it.</summary>
    Withdrawn,
}
