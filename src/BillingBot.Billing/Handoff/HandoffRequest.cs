using System.Globalization;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Suspensions;
using BillingBot.Billing.Understanding;

namespace BillingBot.Billing.Handoff;

/// <summary>
/// A customer's request to talk to a person, from the moment they ask until they rate the conversation (or, outside
/// support hours, until it becomes a ticket). Every change appends to <see cref="History"/>, the audit trail.
/// </summary>
/// <remarks>
/// The transitions return a new request and refuse (InvalidOperationException) to skip a step. The relayed messages
/// themselves are kept apart, in the transcript; <see cref="LastMessages"/> is only the seed the agent sees first.
/// </remarks>
public sealed record HandoffRequest
{
    /// <summary>How many of the conversation's last messages travel with the request.</summary>
    public const int SeedSize = 10;

    public required string HandoffId { get; init; }

    /// <summary>The customer's Entra tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The Entra object id of the customer's user who asked.</summary>
    public required string UserObjectId { get; init; }

    /// <summary>The customer's conversation with the bot, where the agent's replies are relayed to.</summary>
    public required string CustomerConversationId { get; init; }

    /// <summary>The agents' Teams channel the request is posted to.</summary>
    public required string AgentsChannelId { get; init; }

    /// <summary>What the customer wants to talk about, in their words or the bot's summary.</summary>
    public required string Topic { get; init; }

    public required Intent RecognizedIntent { get; init; }

    public required HandoffTrigger Trigger { get; init; }

    /// <summary>The language the customer speaks in the conversation ("pl" or "en"): what they are told in.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The invoices in question, in the order they came up.</summary>
    public required IReadOnlyList<string> InvoiceNumbers { get; init; }

    /// <summary>The conversation's last messages before the request, oldest first (at most <see cref="SeedSize"/>).</summary>
    public required IReadOnlyList<TranscriptEntry> LastMessages { get; init; }

    public required HandoffState State { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>The request card in the agents' channel, once posted.</summary>
    public PostedMessage? RequestCard { get; init; }

    public DateTimeOffset? OfferedAt { get; init; }

    public HandoffAgent? AcceptedBy { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>The agent's thread in the channel that the customer's messages are relayed to.</summary>
    public string? AgentThreadConversationId { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public HandoffParty? EndedBy { get; init; }

    /// <summary>The customer's satisfaction, 1 to 5.</summary>
    public int? Rating { get; init; }

    /// <summary>Outside support hours: when people are back, as the bot told the customer.</summary>
    public DateTimeOffset? ExpectedBackAt { get; init; }

    /// <summary>The ticket a queued request became.</summary>
    public string? TicketNumber { get; init; }

    /// <summary>The audit trail, oldest first.</summary>
    public IReadOnlyList<HandoffEvent> History { get; init; } = [];

    /// <summary>Whether the request still needs the agents or the relay: it is listed in the agents' channel and routes the customer's messages.</summary>
    public bool IsOpen => State is HandoffState.Requested or HandoffState.Offered or HandoffState.Escalated or HandoffState.Accepted or HandoffState.Relaying;

    /// <summary>Whether an agent can still take it.</summary>
    public bool AwaitsAgent => State is HandoffState.Offered or HandoffState.Escalated;

    /// <summary>Whether the customer's messages go to the agent now.</summary>
    public bool IsRelaying => State == HandoffState.Relaying;

    /// <summary>The event of a kind that happened last, if any.</summary>
    public HandoffEvent? Last(HandoffEventKind kind) => History.LastOrDefault(e => e.Kind == kind);

    /// <summary>A new request, keeping the last <see cref="SeedSize"/> messages of the conversation as the transcript seed.</summary>
    public static HandoffRequest Open(
        string handoffId,
        string tenantId,
        string userObjectId,
        string customerConversationId,
        string agentsChannelId,
        string topic,
        Intent recognizedIntent,
        HandoffTrigger trigger,
        IReadOnlyList<string> invoiceNumbers,
        IReadOnlyList<TranscriptEntry> lastMessages,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumbers);
        ArgumentNullException.ThrowIfNull(lastMessages);
        return new()
        {
            HandoffId = Guard.Required(handoffId, nameof(handoffId)),
            TenantId = Guard.Required(tenantId, nameof(tenantId)),
            UserObjectId = Guard.Required(userObjectId, nameof(userObjectId)),
            CustomerConversationId = Guard.Required(customerConversationId, nameof(customerConversationId)),
            AgentsChannelId = Guard.Required(agentsChannelId, nameof(agentsChannelId)),
            Topic = topic ?? string.Empty,
            RecognizedIntent = Guard.Defined(recognizedIntent, nameof(recognizedIntent)),
            Trigger = Guard.Defined(trigger, nameof(trigger)),
            InvoiceNumbers = [.. invoiceNumbers.Distinct(StringComparer.Ordinal)],
            LastMessages = [.. lastMessages.OrderBy(m => m.At).TakeLast(SeedSize)],
            State = HandoffState.Requested,
            RequestedAt = at,
            History = [new HandoffEvent(HandoffEventKind.Requested, at, Detail: trigger.ToString())],
        };
    }

    /// <summary>The request card is in the agents' channel.</summary>
    public HandoffRequest Offered(PostedMessage card, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(card);
        Require(HandoffState.Requested);
        return Append(this with { State = HandoffState.Offered, RequestCard = card, OfferedAt = at }, new(HandoffEventKind.Offered, at));
    }

    /// <summary>Whether nobody accepted within <paramref name="timeout"/> of the offer, so it should go to all agents.</summary>
    public bool IsDueForEscalation(DateTimeOffset now, TimeSpan timeout) => State == HandoffState.Offered && OfferedAt is { } offered && now - offered >= timeout;

    /// <summary>Nobody accepted in time: the request goes to all support agents.</summary>
    public HandoffRequest Escalate(DateTimeOffset at)
    {
        Require(HandoffState.Offered);
        return Append(this with { State = HandoffState.Escalated }, new(HandoffEventKind.Escalated, at));
    }

    /// <summary>
    /// An agent accepts. The first support agent takes it; anyone later is told who did. Accepting a request that was
    /// never offered, or that was queued outside hours, is a step that skips ahead and throws.
    /// </summary>
    public AcceptOutcome Accept(StaffMember agent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (AcceptedBy is { } taken)
        {
            return new AcceptOutcome.AlreadyTakenBy(taken.Name, taken.ObjectId);
        }

        if (!agent.HasRole(StaffRole.SupportAgent))
        {
            return new AcceptOutcome.NotASupportAgent();
        }

        Require(HandoffState.Offered, HandoffState.Escalated);
        var accepted = Append(
            this with { State = HandoffState.Accepted, AcceptedBy = new HandoffAgent(agent.ObjectId, agent.Name), AcceptedAt = at },
            new(HandoffEventKind.Accepted, at, agent.ObjectId, agent.Name));
        return new AcceptOutcome.Accepted(accepted);
    }

    /// <summary>The relay runs: the customer's messages go to the agent's thread.</summary>
    public HandoffRequest StartRelay(string agentThreadConversationId, DateTimeOffset at)
    {
        Require(HandoffState.Accepted);
        return Append(
            this with { State = HandoffState.Relaying, AgentThreadConversationId = Guard.Required(agentThreadConversationId, nameof(agentThreadConversationId)) },
            new(HandoffEventKind.RelayStarted, at));
    }

    /// <summary>The agent or the customer ends the hand-off; the bot resumes and asks for a rating.</summary>
    public HandoffRequest End(HandoffParty by, DateTimeOffset at)
    {
        if (by is not (HandoffParty.Agent or HandoffParty.Customer))
        {
            throw new ArgumentException("A hand-off is ended by the agent or the customer.", nameof(by));
        }

        Require(HandoffState.Accepted, HandoffState.Relaying);
        var person = by == HandoffParty.Agent ? AcceptedBy : null;
        return Append(
            this with { State = HandoffState.Ended, EndedBy = by, EndedAt = at },
            new(HandoffEventKind.Ended, at, person?.ObjectId ?? (by == HandoffParty.Customer ? UserObjectId : null), person?.Name, by.ToString()));
    }

    /// <summary>The customer stops waiting before an agent took it: the request leaves the agents' list.</summary>
    public HandoffRequest Withdraw(DateTimeOffset at)
    {
        Require(HandoffState.Requested, HandoffState.Offered, HandoffState.Escalated);
        return Append(this with { State = HandoffState.Withdrawn, EndedBy = HandoffParty.Customer, EndedAt = at }, new(HandoffEventKind.Withdrawn, at, UserObjectId));
    }

    /// <summary>The customer's satisfaction rating, 1 to 5.</summary>
    public HandoffRequest Rate(int stars, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stars, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stars, 5);
        Require(HandoffState.Ended);
        return Append(this with { State = HandoffState.Rated, Rating = stars }, new(HandoffEventKind.Rated, at, UserObjectId, Detail: stars.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Asked for outside support hours: it waits for a ticket; <paramref name="expectedBackAt"/> is when people are back, if known.</summary>
    public HandoffRequest Queue(DateTimeOffset? expectedBackAt, DateTimeOffset at)
    {
        Require(HandoffState.Requested);
        return Append(
            this with { State = HandoffState.Queued, ExpectedBackAt = expectedBackAt },
            new(HandoffEventKind.Queued, at, Detail: expectedBackAt?.ToString("O", CultureInfo.InvariantCulture)));
    }

    /// <summary>The queued request became a ticket that the agents get when they return.</summary>
    public HandoffRequest BecameTicket(string ticketNumber, DateTimeOffset at)
    {
        Require(HandoffState.Queued);
        return Append(
            this with { State = HandoffState.Ticketed, TicketNumber = Guard.Required(ticketNumber, nameof(ticketNumber)) },
            new(HandoffEventKind.Ticketed, at, Detail: ticketNumber));
    }

    private static HandoffRequest Append(HandoffRequest changed, HandoffEvent entry) => changed with { History = [.. changed.History, entry] };

    private void Require(params HandoffState[] states)
    {
        if (!states.Contains(State))
        {
            throw new InvalidOperationException($"Hand-off {HandoffId} is {State}; this step needs {string.Join(" or ", states)}.");
        }
    }
}
