namespace BillingBot.Billing.Handoff;

/// <summary>Where a hand-off to a person stands, in the order of its life.</summary>
public enum HandoffState
{
    /// <summary>The customer asked for a person; the request is not yet in the agents' channel.</summary>
    Requested,

    /// <summary>The request card is in the agents' channel, waiting for an agent.</summary>
    Offered,

    /// <summary>Nobody accepted in time: the request went to all support agents.</summary>
    Escalated,

    /// <summary>One agent took it; the relay is being set up.</summary>
    Accepted,

    /// <summary>The customer's messages go to the agent's thread and the agent's replies to the customer.</summary>
    Relaying,

    /// <summary>The agent or the customer ended it; the bot asks for a rating.</summary>
    Ended,

    /// <summary>The customer rated the hand-off (1 to 5).</summary>
    Rated,

    /// <summary>Asked for outside support hours: it waits to become a ticket.</summary>
    Queued,

    /// <summary>Asked for outside support hours and turned into a ticket the agents get when they return.</summary>
    Ticketed,

    /// <summary>The customer stopped waiting before an agent took it.</summary>
    Withdrawn,
}
