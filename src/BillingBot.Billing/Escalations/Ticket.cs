using BillingBot.Billing.Customers;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Support;
using BillingBot.Billing.Suspensions;

namespace BillingBot.Billing.Escalations;

/// <summary>
/// A customer's support ticket (zgłoszenie): what it is about, how urgent, by when the plan promises a first response,
/// who works on it, and, when the partner took it to Microsoft, the Microsoft case. Every change appends to
/// <see cref="History"/>, the audit trail from which the customer is notified.
/// </summary>
/// <remarks>The transitions return a new ticket and refuse (InvalidOperationException) to skip a step.</remarks>
public sealed record Ticket
{
    public required string TenantId { get; init; }

    /// <summary>The number the customer quotes when asking for its status; unique within the customer.</summary>
    public required string Number { get; init; }

    public required TicketCategory Category { get; init; }

    public required TicketSeverity Severity { get; init; }

    /// <summary>The customer's description, as written.</summary>
    public required string Description { get; init; }

    /// <summary>The invoices concerned, in the order named.</summary>
    public required IReadOnlyList<string> InvoiceNumbers { get; init; }

    /// <summary>The customer's support plan when the ticket was opened; it sets the response target.</summary>
    public required SupportPlan Plan { get; init; }

    /// <summary>The Entra object id of the customer's user who opened it.</summary>
    public required string OpenedByObjectId { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>By when the plan's response-time target promises a first response; null when the partner publishes no offer for the plan.</summary>
    public DateTimeOffset? ResponseDueBy { get; init; }

    public required TicketStatus Status { get; init; }

    /// <summary>The hand-off it came from (one asked for outside support hours), if any.</summary>
    public string? HandoffId { get; init; }

    public string? AssignedToObjectId { get; init; }

    public string? AssignedToName { get; init; }

    /// <summary>The Microsoft case, once escalated.</summary>
    public MicrosoftCase? Microsoft { get; init; }

    /// <summary>The audit trail, oldest first.</summary>
    public IReadOnlyList<TicketEvent> History { get; init; } = [];

    /// <summary>"pl" or "en": the language the customer opened it in, which their notices use; null for the customer's locale.</summary>
    public string? Language { get; init; }

    /// <summary>The ticket's card in the partner's agents' channel; null until it is posted (outside support hours it waits for the desk to open).</summary>
    public PostedMessage? AgentsCard { get; init; }

    /// <summary>Which app instance is posting the card now, so that of several instances one posts it; null when none is.</summary>
    public TicketPostingClaim? PostingClaim { get; init; }

    /// <summary>Whether the ticket still needs work: neither resolved nor closed.</summary>
    public bool IsOpen => Status is not (TicketStatus.Resolved or TicketStatus.Closed);

    /// <summary>Whether the first response is late: still new after its due-by.</summary>
    public bool IsResponseOverdue(DateTimeOffset now) => Status == TicketStatus.New && ResponseDueBy is { } due && now > due;

    /// <summary>Whether this ticket pauses dunning of an invoice: an open dispute that names it.</summary>
    public bool PausesDunningOf(string invoiceNumber) =>
        Category == TicketCategory.InvoiceDispute && IsOpen && InvoiceNumbers.Contains(invoiceNumber, StringComparer.Ordinal);

    /// <summary>Whether the agents still have to get the ticket: it is open and its card is not posted yet.</summary>
    public bool AwaitsPosting => IsOpen && AgentsCard is null;

    /// <summary>Whether an instance may claim the posting now: it awaits posting and nobody holds a claim younger than <paramref name="timeout"/>.</summary>
    public bool CanClaimPosting(DateTimeOffset now, TimeSpan timeout) => AwaitsPosting && (PostingClaim is null || now - PostingClaim.At >= timeout);

    /// <summary>The event of a kind that happened last, if any.</summary>
    public TicketEvent? Last(TicketEventKind kind) => History.LastOrDefault(e => e.Kind == kind);

    /// <summary>A new ticket whose response due-by follows the customer's plan in the partner's support offer.</summary>
    public static Ticket Open(
        string tenantId,
        string number,
        TicketCategory category,
        TicketSeverity severity,
        string description,
        IReadOnlyList<string> invoiceNumbers,
        SupportPlan plan,
        SupportOffer offer,
        string openedByObjectId,
        DateTimeOffset at,
        string? handoffId = null)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumbers);
        ArgumentNullException.ThrowIfNull(offer);
        return new()
        {
            TenantId = Guard.Required(tenantId, nameof(tenantId)),
            Number = Guard.Required(number, nameof(number)),
            Category = Guard.Defined(category, nameof(category)),
            Severity = Guard.Defined(severity, nameof(severity)),
            Description = description ?? string.Empty,
            InvoiceNumbers = [.. invoiceNumbers.Distinct(StringComparer.Ordinal)],
            Plan = Guard.Defined(plan, nameof(plan)),
            OpenedByObjectId = Guard.Required(openedByObjectId, nameof(openedByObjectId)),
            OpenedAt = at,
            ResponseDueBy = offer.PlanOffer(plan) is { } promise ? at + promise.ResponseTimeTarget : null,
            Status = TicketStatus.New,
            HandoffId = handoffId,
            History = [new TicketEvent(TicketEventKind.Opened, at, openedByObjectId, Detail: category.ToString())],
        };
    }

    /// <summary>An agent picks the ticket up.</summary>
    public Ticket Start(StaffMember agent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Require(TicketStatus.New);
        return Append(this with { Status = TicketStatus.InProgress, AssignedToObjectId = agent.ObjectId, AssignedToName = agent.Name }, new(TicketEventKind.Started, at, agent.ObjectId, agent.Name));
    }

    public Ticket WaitForCustomer(StaffMember agent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Require(TicketStatus.InProgress);
        return Append(this with { Status = TicketStatus.WaitingForCustomer }, new(TicketEventKind.WaitingForCustomer, at, agent.ObjectId, agent.Name));
    }

    public Ticket CustomerAnswered(DateTimeOffset at)
    {
        Require(TicketStatus.WaitingForCustomer);
        return Append(this with { Status = TicketStatus.InProgress }, new(TicketEventKind.CustomerAnswered, at, OpenedByObjectId));
    }

    /// <summary>The agent took the matter to Microsoft by a route and entered the case number and status Microsoft gave.</summary>
    public Ticket EscalateToMicrosoft(StaffMember agent, MicrosoftSupportRoute route, string caseNumber, string status, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Require(TicketStatus.InProgress, TicketStatus.WaitingForCustomer);
        var microsoft = new MicrosoftCase(Guard.Defined(route, nameof(route)), Guard.Required(caseNumber, nameof(caseNumber)), Guard.Required(status, nameof(status)), at);
        return Append(this with { Status = TicketStatus.EscalatedToMicrosoft, Microsoft = microsoft }, new(TicketEventKind.EscalatedToMicrosoft, at, agent.ObjectId, agent.Name, $"{route}|{caseNumber}"));
    }

    /// <summary>The agent entered a new status of the Microsoft case.</summary>
    public Ticket UpdateMicrosoftStatus(StaffMember agent, string status, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Require(TicketStatus.EscalatedToMicrosoft);
        return Append(
            this with { Microsoft = Microsoft! with { Status = Guard.Required(status, nameof(status)), UpdatedAt = at } },
            new(TicketEventKind.MicrosoftStatusUpdated, at, agent.ObjectId, agent.Name, status));
    }

    public Ticket Resolve(StaffMember agent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Require(TicketStatus.InProgress, TicketStatus.WaitingForCustomer, TicketStatus.EscalatedToMicrosoft);
        return Append(this with { Status = TicketStatus.Resolved }, new(TicketEventKind.Resolved, at, agent.ObjectId, agent.Name));
    }

    /// <summary>Closes a resolved ticket, by an agent or (null) by the bot.</summary>
    public Ticket Close(StaffMember? by, DateTimeOffset at)
    {
        Require(TicketStatus.Resolved);
        return Append(this with { Status = TicketStatus.Closed }, new(TicketEventKind.Closed, at, by?.ObjectId, by?.Name));
    }

    /// <summary>An instance claims the posting of the card; a live claim of another instance must have expired (see <see cref="CanClaimPosting"/>).</summary>
    public Ticket ClaimPosting(string owner, DateTimeOffset at)
    {
        if (!AwaitsPosting)
        {
            throw new InvalidOperationException($"Ticket {Number} does not await posting.");
        }

        return this with { PostingClaim = new TicketPostingClaim(Guard.Required(owner, nameof(owner)), at) };
    }

    /// <summary>The owner gives its claim up (the channel did not take the card), so the next attempt need not wait for it to expire.</summary>
    public Ticket ReleasePosting(string owner) => PostingClaim?.Owner == owner ? this with { PostingClaim = null } : this;

    /// <summary>The card is in the agents' channel.</summary>
    public Ticket PostedToAgents(PostedMessage card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return this with { AgentsCard = card, PostingClaim = null };
    }

    private static Ticket Append(Ticket changed, TicketEvent entry) => changed with { History = [.. changed.History, entry] };

    private void Require(params TicketStatus[] statuses)
    {
        if (!statuses.Contains(Status))
        {
            throw new InvalidOperationException($"Ticket {Number} is {Status}; this step needs {string.Join(" or ", statuses)}.");
        }
    }
}
