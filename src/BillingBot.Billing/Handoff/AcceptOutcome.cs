namespace BillingBot.Billing.Handoff;

/// <summary>What an agent's accept of a hand-off came to: they took it, someone else had, or they may not take hand-offs.</summary>
public abstract record AcceptOutcome
{
    private AcceptOutcome()
    {
    }

    /// <summary>This agent took the hand-off; <paramref name="Request"/> is the request as accepted.</summary>
    public sealed record Accepted(HandoffRequest Request) : AcceptOutcome;

    /// <summary>Another agent (or this one, earlier) took it first: the accept is refused, politely, naming them.</summary>
    public sealed record AlreadyTakenBy(string AgentName, string AgentObjectId) : AcceptOutcome;

    /// <summary>The person is not a support agent: only support agents take hand-offs.</summary>
    public sealed record NotASupportAgent : AcceptOutcome;
}
