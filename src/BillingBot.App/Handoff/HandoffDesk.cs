using System.Globalization;
using BillingBot.App.Bot;
using BillingBot.App.Conversations;
using BillingBot.App.Conversations.Cards;
using BillingBot.App.Conversations.Dialogs;
using BillingBot.App.Escalations;
using BillingBot.App.Suspensions;
using BillingBot.App.Touchpoints;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Handoff;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Support;
using BillingBot.Billing.Touchpoints;
using BillingBot.Billing.Understanding;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Handoff;

/// <summary>
/// Hand-offs to a person, inside Teams (which refuses the Bot Framework's handoff.initiate). The customer asks; the
/// request goes as a card to the agents' channel and the customer waits; one support agent takes it; then the
/// customer's messages go to the card's thread and the agent's replies from that thread to the customer, attributed
/// to the agent, until either ends it; the bot then asks for a 1–5 rating. Every relayed message is kept as the
/// transcript. Nobody taking it within <see cref="HandoffOptions.AcceptTimeout"/> alerts every support agent and
/// tells the customer the expected wait. Each change goes through the stored request (ETag-conditional), so several
/// app instances agree on who took it and only the instance that made a change announces it.
/// </summary>
public sealed partial class HandoffDesk(
    IHandoffRequests handoffs,
    TicketDesk tickets,
    IInvoiceRepository invoices,
    AgentsChannel channel,
    CustomerChat chat,
    ICustomerRepository customers,
    IStaffDirectory staff,
    SupportOffer support,
    TouchpointRecorder touchpoints,
    AdaptiveCardSerializer cards,
    TimeProvider time,
    IOptions<HandoffOptions> options,
    IOptions<BotOptions> bot,
    ILogger<HandoffDesk> logger)
{
    /// <summary>The longest description a hand-off's ticket gets: its topic and conversation, cut there.</summary>
    private const int MaxTicketDescription = 3000;

    private static readonly HashSet<string> EndWords = new(StringComparer.Ordinal)
    {
        "end", "end chat", "end conversation", "end the conversation", "stop", "cancel", "bye", "done",
        "koniec", "koniec rozmowy", "zakoncz", "zakoncz rozmowe", "anuluj", "stop rozmowa", "do widzenia",
    };

    public HandoffOptions Options => options.Value;

    /// <summary>How the agents' side reads: the agents' channel language and the support desk's time zone.</summary>
    public HandoffFormat AgentsFormat => new(channel.Options.Culture, support.Hours.TimeZone);

    /// <summary>Whether a conversation can hand off: only a personal chat, where the relay reaches only the person who asked.</summary>
    public static bool CanHandOff(Activity activity) => activity.Conversation?.ConversationType is null or "personal";

    /// <summary>Whether a message ends a hand-off ("end", "koniec", "zakończ rozmowę"…), whatever the case or diacritics.</summary>
    public static bool IsEndWord(string text) => EndWords.Contains(Fold(text));

    /// <summary>
    /// The customer asks for a person: posts the request to the agents' channel and answers what happens next. A
    /// conversation that has an open hand-off already is told where it stands instead.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> StartAsync(ITurnContext turn, Caller caller, HandoffStart start, ConversationMemory memory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(memory);
        var customer = caller.Customer ?? throw new InvalidOperationException("Only a customer's person can hand off.");
        var format = CustomerFormat(caller.Culture, customer);
        var t = format.Texts;
        var partner = bot.Value.PartnerName;
        var now = time.GetUtcNow();
        var target = await channel.TargetAsync(cancellationToken).ConfigureAwait(false);
        var proposed = HandoffRequest.Open(
            Guid.NewGuid().ToString("N"),
            customer.TenantId,
            caller.UserObjectId ?? throw new InvalidOperationException("A hand-off needs the person's Entra object id."),
            turn.Activity.Conversation!.Id!,
            target?.ChannelId ?? "none",
            start.Topic,
            start.Intent,
            start.Trigger,
            start.InvoiceNumbers,
            [.. memory.Recent.Select(m => new TranscriptEntry(m.FromBot ? HandoffParty.Bot : HandoffParty.Customer, m.Text, m.At, m.Name))],
            now) with { Language = format.Language };

        var created = await handoffs.CreateAsync(proposed, cancellationToken).ConfigureAwait(false);
        if (!created.Changed)
        {
            var open = created.Request;
            return [Text(open.AcceptedBy is { } agent ? t.Format("Customer_AlreadyTalking", agent.Name) : t.Format("Customer_AlreadyWaiting", partner))];
        }

        await touchpoints.RecordAsync(customer.TenantId, TouchpointKind.Handoff, start.Intent.ToString(), cancellationToken).ConfigureAwait(false);
        var request = created.Request;
        if (!support.Hours.IsOpen(now) || target is null)
        {
            return await QueueAsync(request, caller, format, closed: !support.Hours.IsOpen(now), cancellationToken).ConfigureAwait(false);
        }

        var card = await RequestCardAsync(request, customer, cancellationToken).ConfigureAwait(false);
        var posted = await channel.PostAsync(cards.CreateMessage(card, card.FallbackText), "a hand-off request", cancellationToken).ConfigureAwait(false);
        if (posted is null)
        {
            // Teams refused, or the bot is not in the agents' channel: the request must not sit where nobody sees it.
            return await QueueAsync(request, caller, format, closed: false, cancellationToken).ConfigureAwait(false);
        }

        await handoffs.UpdateAsync(request.HandoffId, r => r.State == HandoffState.Requested ? r.Offered(posted, now) : null, cancellationToken).ConfigureAwait(false);
        Log.Offered(logger, request.HandoffId, start.Trigger.ToString());
        return [Text(t.Format("Customer_Waiting", partner))];
    }

    /// <summary>
    /// A customer's message while their conversation has an open hand-off: it goes to the agent's thread (and the
    /// transcript), or ends the hand-off ("end"). False when the conversation has no open hand-off: the bot answers.
    /// </summary>
    public async Task<bool> TryRelayFromCustomerAsync(ITurnContext turn, Caller caller, string text, ConversationMemory memory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(memory);
        if (!CanHandOff(turn.Activity) || turn.Activity.Conversation?.Id is not { } conversationId
            || await handoffs.FindOpenByConversationAsync(conversationId, cancellationToken).ConfigureAwait(false) is not { } request
            || !string.Equals(request.UserObjectId, caller.UserObjectId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var customer = caller.Customer;
        var format = CustomerFormat(caller.Culture, customer);
        var t = format.Texts;
        var now = time.GetUtcNow();
        if (IsEndWord(text))
        {
            if (request.State is HandoffState.Accepted or HandoffState.Relaying)
            {
                var ended = await ChangeAsync(request.HandoffId, r => r.State is HandoffState.Accepted or HandoffState.Relaying ? r.End(HandoffParty.Customer, now) : null, cancellationToken).ConfigureAwait(false);
                if (ended is not null)
                {
                    await AfterEndAsync(ended, cancellationToken).ConfigureAwait(false);
                    memory.RatingFor = ended.HandoffId;
                    await turn.SendActivityAsync(t.Format("Customer_EndedByCustomer", ended.AcceptedBy?.Name ?? string.Empty), cancellationToken).ConfigureAwait(false);
                    var rating = HandoffRatingCard.Ask(ended, format);
                    await turn.SendActivityAsync(cards.CreateMessage(rating, rating.FallbackText), cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                var withdrawn = await ChangeAsync(request.HandoffId, r => r.State is HandoffState.Requested or HandoffState.Offered or HandoffState.Escalated ? r.Withdraw(now) : null, cancellationToken).ConfigureAwait(false);
                if (withdrawn is not null)
                {
                    await NoteInThreadAsync(withdrawn, AgentsFormat.Texts["Thread_Withdrawn"], cancellationToken).ConfigureAwait(false);
                    await RefreshRequestCardAsync(withdrawn, cancellationToken).ConfigureAwait(false);
                    Log.Withdrawn(logger, withdrawn.HandoffId);
                }

                await turn.SendActivityAsync(t["Customer_Withdrawn"], cancellationToken).ConfigureAwait(false);
            }

            return true;
        }

        var name = customer?.Contacts.FirstOrDefault(c => string.Equals(c.ObjectId, caller.UserObjectId, StringComparison.OrdinalIgnoreCase))?.Name
            ?? turn.Activity.From?.Name ?? caller.UserObjectId ?? string.Empty;
        await handoffs.AppendTranscriptAsync(request.HandoffId, new TranscriptEntry(HandoffParty.Customer, text, now, name), cancellationToken).ConfigureAwait(false);
        var thread = ThreadOf(request);
        var relayed = thread is not null && await channel.ReplyInThreadAsync(
            thread,
            ActivityExtensions.CreateMessage(AgentsFormat.Texts.Format("Thread_FromCustomer", name, customer?.Name ?? request.TenantId, text)),
            "a customer's message in a hand-off",
            cancellationToken).ConfigureAwait(false) is not null;
        if (!relayed)
        {
            Log.NotRelayed(logger, request.HandoffId, "to the agents' thread");
            await turn.SendActivityAsync(t["Customer_RelayFailed"], cancellationToken).ConfigureAwait(false);
        }
        else if (request.AwaitsAgent || request.State == HandoffState.Requested)
        {
            await turn.SendActivityAsync(t["Customer_PassedOn"], cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>A support agent takes a request from its card: exactly one wins; the customer is told who joined.</summary>
    public async Task<AcceptResult> AcceptAsync(string handoffId, StaffMember agent, string? threadConversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var now = time.GetUtcNow();
        var outcome = await handoffs.AcceptAsync(handoffId, agent, now, cancellationToken).ConfigureAwait(false);
        if (outcome is not AcceptOutcome.Accepted accepted)
        {
            return new AcceptResult(outcome, await handoffs.FindAsync(handoffId, cancellationToken).ConfigureAwait(false));
        }

        var thread = threadConversationId ?? (accepted.Request.RequestCard is { } card ? AgentsChannel.ThreadOf(card) : null);
        var relaying = thread is null
            ? accepted.Request
            : await ChangeAsync(handoffId, r => r.State == HandoffState.Accepted ? r.StartRelay(thread, now) : null, cancellationToken).ConfigureAwait(false) ?? accepted.Request;
        Log.Accepted(logger, handoffId);
        await NoteInThreadAsync(relaying, AgentsFormat.Texts.Format("Thread_Accepted", agent.Name), cancellationToken).ConfigureAwait(false);
        var format = await CustomerFormatAsync(relaying, cancellationToken).ConfigureAwait(false);
        await TellCustomerAsync(relaying, format.Texts.Format("Customer_AgentJoined", agent.Name, bot.Value.PartnerName), cancellationToken).ConfigureAwait(false);
        return new AcceptResult(new AcceptOutcome.Accepted(relaying), relaying);
    }

    /// <summary>
    /// The agent's message in the hand-off's thread goes to the customer, attributed to them, and into the transcript;
    /// "end" ends the hand-off. Null when the customer could not be reached.
    /// </summary>
    public async Task<bool> RelayFromAgentAsync(HandoffRequest request, StaffMember agent, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(agent);
        var now = time.GetUtcNow();
        await handoffs.AppendTranscriptAsync(request.HandoffId, new TranscriptEntry(HandoffParty.Agent, text, now, agent.Name), cancellationToken).ConfigureAwait(false);
        var format = await CustomerFormatAsync(request, cancellationToken).ConfigureAwait(false);
        var delivered = await TellCustomerAsync(request, format.Texts.Format("Customer_FromAgent", agent.Name, text), cancellationToken).ConfigureAwait(false);
        if (!delivered)
        {
            Log.NotRelayed(logger, request.HandoffId, "to the customer");
        }

        return delivered;
    }

    /// <summary>The agent who took it ends the hand-off: the customer is told and asked for a rating.</summary>
    public async Task<HandoffRequest?> EndByAgentAsync(string handoffId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ended = await ChangeAsync(handoffId, r => r.State is HandoffState.Accepted or HandoffState.Relaying ? r.End(HandoffParty.Agent, now) : null, cancellationToken).ConfigureAwait(false);
        if (ended is null)
        {
            return null;
        }

        await AfterEndAsync(ended, cancellationToken).ConfigureAwait(false);
        var format = await CustomerFormatAsync(ended, cancellationToken).ConfigureAwait(false);
        await TellCustomerAsync(ended, format.Texts.Format("Customer_EndedByAgent", ended.AcceptedBy?.Name ?? string.Empty), cancellationToken).ConfigureAwait(false);
        var rating = HandoffRatingCard.Ask(ended, format);
        await TellCustomerAsync(ended, cards.CreateMessage(rating, rating.FallbackText), cancellationToken).ConfigureAwait(false);
        return ended;
    }

    /// <summary>The customer rates an ended hand-off; null when there is no such hand-off or it is not theirs.</summary>
    public async Task<HandoffRequest?> RateAsync(string handoffId, string tenantId, string? userObjectId, int stars, CancellationToken cancellationToken)
    {
        if (stars is < 1 or > 5 || await handoffs.FindAsync(handoffId, cancellationToken).ConfigureAwait(false) is not { } request
            || !string.Equals(request.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(request.UserObjectId, userObjectId, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var outcome = await handoffs.UpdateAsync(handoffId, r => r.State == HandoffState.Ended ? r.Rate(stars, now) : null, cancellationToken).ConfigureAwait(false);
        if (outcome is { Changed: true, Request: var rated })
        {
            Log.Rated(logger, handoffId, stars);
            await NoteInThreadAsync(rated, AgentsFormat.Texts.Format("Thread_Rated", stars), cancellationToken).ConfigureAwait(false);
            await RefreshRequestCardAsync(rated, cancellationToken).ConfigureAwait(false);
        }

        return outcome?.Request;
    }

    /// <summary>
    /// Sends every request nobody took within the timeout to all support agents (an @mention of each in its thread)
    /// and tells its customer the expected wait. Returns how many were escalated by this call.
    /// </summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken cancellationToken)
    {
        if (await channel.TargetAsync(cancellationToken).ConfigureAwait(false) is not { } target)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var timeout = Options.AcceptTimeout;
        var escalated = 0;
        foreach (var due in (await handoffs.OpenInChannelAsync(target.ChannelId, cancellationToken).ConfigureAwait(false)).Where(r => r.IsDueForEscalation(now, timeout)))
        {
            var changed = await ChangeAsync(due.HandoffId, r => r.IsDueForEscalation(now, timeout) ? r.Escalate(now) : null, cancellationToken).ConfigureAwait(false);
            if (changed is null)
            {
                // Taken, withdrawn, or escalated by another instance meanwhile.
                continue;
            }

            escalated++;
            Log.Escalated(logger, changed.HandoffId);
            var agents = await staff.WithRoleAsync(StaffRole.SupportAgent, cancellationToken).ConfigureAwait(false);
            var mentions = agents.Select(a => new Entity
            {
                Type = Entity.MentionType,
                Text = "<at>" + a.Name + "</at>",
                Mentioned = new ChannelAccount { Id = a.ObjectId, Name = a.Name },
            }).ToList();
            var alert = ActivityExtensions.CreateMessage(AgentsFormat.Texts.Format("Thread_Escalated", string.Join(" ", mentions.Select(m => m.Text)), AgentsFormat.Duration(timeout)));
            alert.Entities = mentions;
            if (ThreadOf(changed) is { } thread)
            {
                await channel.ReplyInThreadAsync(thread, alert, "a hand-off escalation", cancellationToken).ConfigureAwait(false);
            }

            await RefreshRequestCardAsync(changed, cancellationToken).ConfigureAwait(false);
            var customer = await customers.FindAsync(changed.TenantId, cancellationToken).ConfigureAwait(false);
            var format = CustomerFormat(CultureOf(changed), customer);
            var wait = customer is not null && support.PlanOffer(customer.SupportPlan) is { } plan ? plan.ResponseTimeTarget : Options.DefaultExpectedWait;
            await TellCustomerAsync(changed, format.Texts.Format("Customer_Busy", format.Duration(wait)), cancellationToken).ConfigureAwait(false);
        }

        return escalated;
    }

    /// <summary>The open hand-off whose thread a message in the agents' channel was written in, if any.</summary>
    public async Task<HandoffRequest?> FindByThreadAsync(AgentsChannelTarget target, string threadConversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var open = await handoffs.OpenInChannelAsync(target.ChannelId, cancellationToken).ConfigureAwait(false);
        return open.FirstOrDefault(r => ThreadOf(r) == threadConversationId);
    }

    /// <summary>The hand-offs an agent is relaying now, in the agents' channel.</summary>
    public async Task<IReadOnlyList<HandoffRequest>> RelayingByAsync(AgentsChannelTarget target, string agentObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var open = await handoffs.OpenInChannelAsync(target.ChannelId, cancellationToken).ConfigureAwait(false);
        return [.. open.Where(r => r.IsRelaying && string.Equals(r.AcceptedBy?.ObjectId, agentObjectId, StringComparison.OrdinalIgnoreCase))];
    }

    public Task<HandoffRequest?> FindAsync(string handoffId, CancellationToken cancellationToken) => handoffs.FindAsync(handoffId, cancellationToken);

    /// <summary>The request card as the hand-off stands now, with its buttons for the support agents.</summary>
    public async Task<AdaptiveCard> RequestCardAsync(HandoffRequest request, Customer? customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        customer ??= await customers.FindAsync(request.TenantId, cancellationToken).ConfigureAwait(false);
        var agents = await staff.WithRoleAsync(StaffRole.SupportAgent, cancellationToken).ConfigureAwait(false);
        return HandoffRequestCard.Build(request, customer, AgentsFormat, withActions: true, [.. agents.Select(a => a.ObjectId)]);
    }

    /// <summary>The thread of a hand-off in the agents' channel: the agent's, or the one its request card started.</summary>
    public static string? ThreadOf(HandoffRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.AgentThreadConversationId ?? (request.RequestCard is { } card ? AgentsChannel.ThreadOf(card) : null);
    }

    /// <summary>
    /// Outside support hours, or with the agents' channel out of reach: the request is queued with when people are back.
    /// </summary>
    private async Task<IReadOnlyList<Activity>> QueueAsync(HandoffRequest request, Caller caller, HandoffFormat format, bool closed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var back = support.Hours.NextOpening(now);
        await ChangeAsync(request.HandoffId, r => r.State == HandoffState.Requested ? r.Queue(back, now) : null, cancellationToken).ConfigureAwait(false);
        Log.Queued(logger, request.HandoffId);
        var ticket = await tickets.OpenAsync(await TicketFromAsync(request, format, cancellationToken).ConfigureAwait(false), format.Language, cancellationToken).ConfigureAwait(false);
        await ChangeAsync(request.HandoffId, r => r.State == HandoffState.Queued ? r.BecameTicket(ticket.Number, now) : null, cancellationToken).ConfigureAwait(false);

        // Writing "agent" to the bot is what brought them here: the other ways to reach people are what helps now.
        var contacts = string.Join(", ", support.Contacts.Where(c => c.Kind != ContactKind.Teams).Select(c => c.Value));
        var availability = SupportOfferCard.Availability(support.Hours, now, caller.Format);
        var t = format.Texts;
        return [Text(closed ? t.Format("Customer_ClosedTicket", availability, ticket.Number, contacts).Trim() : t.Format("Customer_UnreachableTicket", ticket.Number, contacts))];
    }

    /// <summary>
    /// The ticket a queued hand-off becomes: a billing question (a payment problem when they asked how to pay or about
    /// access), its topic and conversation as the description, and the customer's own invoices named.
    /// </summary>
    private async Task<TicketRequest> TicketFromAsync(HandoffRequest request, HandoffFormat format, CancellationToken cancellationToken)
    {
        var category = request.RecognizedIntent is Intent.HowToPay or Intent.AccessAtRisk or Intent.CollectionPolicy
            ? TicketCategory.PaymentProblem
            : TicketCategory.BillingQuestion;
        var own = new List<string>();
        foreach (var number in request.InvoiceNumbers)
        {
            // Only the tenant's own invoices: a number typed from elsewhere names nothing of theirs.
            if (await invoices.FindAsync(request.TenantId, number, cancellationToken).ConfigureAwait(false) is not null)
            {
                own.Add(number);
            }
        }

        var t = format.Texts;
        var lines = request.LastMessages.Select(m => m.Who == HandoffParty.Bot ? t.Format("Line_Bot", m.Text) : t.Format("Line_Person", m.Name ?? string.Empty, m.Text));
        var description = string.Join("\n", lines.Prepend(t.Format("Ticket_Description", request.Topic)));
        if (description.Length > MaxTicketDescription)
        {
            description = description[..(MaxTicketDescription - 1)] + "…";
        }

        return new TicketRequest(request.TenantId, request.UserObjectId, category, TicketSeverity.Normal, description, own, request.HandoffId);
    }

    private async Task AfterEndAsync(HandoffRequest ended, CancellationToken cancellationToken)
    {
        Log.Ended(logger, ended.HandoffId, ended.EndedBy?.ToString() ?? "unknown");
        var t = AgentsFormat.Texts;
        var note = ended.EndedBy == HandoffParty.Agent ? t.Format("Thread_EndedByAgent", ended.AcceptedBy?.Name ?? string.Empty) : t["Thread_EndedByCustomer"];
        await NoteInThreadAsync(ended, note, cancellationToken).ConfigureAwait(false);
        await RefreshRequestCardAsync(ended, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HandoffRequest?> ChangeAsync(string handoffId, Func<HandoffRequest, HandoffRequest?> decide, CancellationToken cancellationToken) =>
        await handoffs.UpdateAsync(handoffId, decide, cancellationToken).ConfigureAwait(false) is { Changed: true } outcome ? outcome.Request : null;

    private async Task NoteInThreadAsync(HandoffRequest request, string text, CancellationToken cancellationToken)
    {
        if (ThreadOf(request) is { } thread)
        {
            await channel.ReplyInThreadAsync(thread, ActivityExtensions.CreateMessage(text), "a hand-off note", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Replaces the request card in the channel, so its state and buttons follow the hand-off.</summary>
    private async Task RefreshRequestCardAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        if (request.RequestCard is { } posted)
        {
            var card = await RequestCardAsync(request, null, cancellationToken).ConfigureAwait(false);
            await channel.UpdateAsync(posted, cards.CreateMessage(card, card.FallbackText), "a hand-off request card", cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<bool> TellCustomerAsync(HandoffRequest request, string text, CancellationToken cancellationToken) =>
        TellCustomerAsync(request, ActivityExtensions.CreateMessage(text), cancellationToken);

    private Task<bool> TellCustomerAsync(HandoffRequest request, Activity activity, CancellationToken cancellationToken)
    {
        activity.Locale ??= CultureOf(request).Name;
        return chat.SendAsync(request.TenantId, request.UserObjectId, activity, cancellationToken);
    }

    private async Task<HandoffFormat> CustomerFormatAsync(HandoffRequest request, CancellationToken cancellationToken) =>
        CustomerFormat(CultureOf(request), await customers.FindAsync(request.TenantId, cancellationToken).ConfigureAwait(false));

    private HandoffFormat CustomerFormat(CultureInfo culture, Customer? customer) =>
        new(culture, customer is null ? support.Hours.TimeZone : TimeZoneInfo.FindSystemTimeZoneById(customer.TimeZoneId));

    private static CultureInfo CultureOf(HandoffRequest request) => request.Language == "pl" ? BotCulture.Polish : BotCulture.English;

    private static Activity Text(string text) => ActivityExtensions.CreateMessage(text);

    private static string Fold(string text) =>
        Recognizers.TextFolding.Fold(text.Trim().TrimEnd('.', '!')).ToLowerInvariant();

    private static partial class Log
    {
        [LoggerMessage(7210, LogLevel.Information, "Hand-off {HandoffId} offered in the agents' channel ({Trigger})")]
        public static partial void Offered(ILogger logger, string handoffId, string trigger);

        [LoggerMessage(7211, LogLevel.Information, "Hand-off {HandoffId} queued: outside support hours or the agents' channel is out of reach")]
        public static partial void Queued(ILogger logger, string handoffId);

        [LoggerMessage(7212, LogLevel.Information, "Hand-off {HandoffId} accepted; the relay runs")]
        public static partial void Accepted(ILogger logger, string handoffId);

        [LoggerMessage(7213, LogLevel.Information, "Hand-off {HandoffId} ended by the {Party}")]
        public static partial void Ended(ILogger logger, string handoffId, string party);

        [LoggerMessage(7214, LogLevel.Information, "Hand-off {HandoffId} rated {Stars} of 5")]
        public static partial void Rated(ILogger logger, string handoffId, int stars);

        [LoggerMessage(7215, LogLevel.Warning, "Hand-off {HandoffId}: nobody took it in time; all support agents were alerted")]
        public static partial void Escalated(ILogger logger, string handoffId);

        [LoggerMessage(7216, LogLevel.Information, "Hand-off {HandoffId} withdrawn by the customer")]
        public static partial void Withdrawn(ILogger logger, string handoffId);

        [LoggerMessage(7217, LogLevel.Warning, "Hand-off {HandoffId}: a message could not be relayed {Direction}; it is kept in the transcript")]
        public static partial void NotRelayed(ILogger logger, string handoffId, string direction);
    }
}
