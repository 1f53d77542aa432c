using BillingBot.App.Bot;
using BillingBot.App.Conversations.Actions;
using BillingBot.App.Escalations.Cards;
using BillingBot.App.Resources;
using BillingBot.App.Suspensions;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Staff;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;

namespace BillingBot.App.Escalations;

/// <summary>
/// Answers the ticket cards' Universal Actions ("ticket.*"). On the agents' card only invokes from the partner's own
/// tenant count, and only support agents and billing admins may act; anyone else gets a polite refusal and nothing
/// changes. Every answer is the card as the ticket stands then: when two agents click at once the store lets one change
/// win, and the other sees the ticket as that change left it. On the customer's notice, the person who opened the
/// ticket answers an agent who waits for them; the answer goes into the ticket's thread in the agents' channel.
/// </summary>
public sealed partial class TicketCardActions(
    ITickets tickets,
    ICustomerRepository customers,
    IStaffDirectory staff,
    TicketDesk desk,
    TicketCards cards,
    AgentsChannel channel,
    TimeProvider time,
    ILogger<TicketCardActions> logger) : ICardActionHandler
{
    public const int MaxCaseNumberLength = 64;
    public const int MaxMicrosoftStatusLength = 200;
    public const int MaxAnswerLength = 2000;

    public string VerbPrefix => TicketVerbs.Prefix;

    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, CardActionInvoke action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(action);
        if (action.Verb == TicketVerbs.Answer)
        {
            return await AnswerAsync(turnContext, action, cancellationToken).ConfigureAwait(false);
        }

        var texts = cards.AgentsFormat.Texts;
        var activity = turnContext.Activity;
        var target = await channel.TargetAsync(cancellationToken).ConfigureAwait(false);
        if (target is null || !string.Equals(activity.GetTenantId(), target.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            Log.OutsidePartner(logger, action.Verb);
            return CardActionResult.Message(texts["Refusal_NotAgentsChannel"]);
        }

        var ticket = await FindAsync(action, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            return CardActionResult.Message(texts["Refusal_UnknownTicket"]);
        }

        var customer = await customers.FindAsync(ticket.TenantId, cancellationToken).ConfigureAwait(false);
        var member = activity.From?.AadObjectId is { Length: > 0 } objectId ? await staff.FindAsync(objectId, cancellationToken).ConfigureAwait(false) : null;
        var mayAct = member is not null && (member.HasRole(StaffRole.SupportAgent) || member.HasRole(StaffRole.BillingAdmin));
        if (action.IsRefresh || action.Verb == TicketVerbs.Refresh)
        {
            return await CardAsync(ticket, customer, mayAct, cancellationToken).ConfigureAwait(false);
        }

        if (!mayAct)
        {
            Log.NotAgent(logger, action.Verb, ticket.Number);
            return CardActionResult.Message(texts["Refusal_NotAgent"]);
        }

        var now = time.GetUtcNow();
        Func<Ticket, Ticket?>? decide = action.Verb switch
        {
            TicketVerbs.Start => t => t.Status == TicketStatus.New ? t.Start(member!, now) : null,
            TicketVerbs.WaitForCustomer => t => t.Status == TicketStatus.InProgress ? t.WaitForCustomer(member!, now) : null,
            TicketVerbs.Resolve => t => t.Status is TicketStatus.InProgress or TicketStatus.WaitingForCustomer or TicketStatus.EscalatedToMicrosoft ? t.Resolve(member!, now) : null,
            TicketVerbs.Close => t => t.Status == TicketStatus.Resolved ? t.Close(member!, now) : null,
            TicketVerbs.Escalate => Escalation(action, member!, now),
            TicketVerbs.UpdateMicrosoftStatus => Input(action, TicketVerbs.MicrosoftStatusInput, MaxMicrosoftStatusLength) is { } status
                ? t => t.Status == TicketStatus.EscalatedToMicrosoft ? t.UpdateMicrosoftStatus(member!, status, now) : null
                : null,
            _ => null,
        };
        if (decide is null)
        {
            Log.BadInput(logger, action.Verb, ticket.Number);
            return CardActionResult.Message(action.Verb is TicketVerbs.Escalate or TicketVerbs.UpdateMicrosoftStatus ? texts["Refusal_MicrosoftInputs"] : texts["Refusal_UnknownTicket"]);
        }

        var outcome = await desk.ChangeAsync(ticket.TenantId, ticket.Number, decide, cancellationToken).ConfigureAwait(false);
        if (outcome is { Changed: false })
        {
            Log.Overtaken(logger, action.Verb, ticket.Number);
        }

        return await CardAsync(outcome?.Ticket ?? ticket, customer, mayAct, cancellationToken).ConfigureAwait(false);
    }

    private static Func<Ticket, Ticket?>? Escalation(CardActionInvoke action, StaffMember agent, DateTimeOffset now)
    {
        if (!Enum.TryParse<MicrosoftSupportRoute>(action.DataString(TicketVerbs.RouteInput), out var route) || !Enum.IsDefined(route)
            || Input(action, TicketVerbs.CaseNumberInput, MaxCaseNumberLength) is not { } caseNumber
            || Input(action, TicketVerbs.MicrosoftStatusInput, MaxMicrosoftStatusLength) is not { } status)
        {
            return null;
        }

        return t => t.Status is TicketStatus.InProgress or TicketStatus.WaitingForCustomer ? t.EscalateToMicrosoft(agent, route, caseNumber, status, now) : null;
    }

    /// <summary>A text input's value, trimmed; null when it is empty or longer than allowed.</summary>
    private static string? Input(CardActionInvoke action, string id, int maxLength) =>
        action.DataString(id)?.Trim() is { Length: > 0 } value && value.Length <= maxLength ? value : null;

    /// <summary>The customer's person who opened the ticket answers the agent who waits for them.</summary>
    private async Task<CardActionResult> AnswerAsync(ITurnContext turnContext, CardActionInvoke action, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var ticket = await FindAsync(action, cancellationToken).ConfigureAwait(false);
        // Only the person who opened it, in its own tenant, answers; to anyone else the ticket does not exist.
        if (ticket is null
            || !string.Equals(activity.GetTenantId(), ticket.TenantId, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(activity.From?.AadObjectId, ticket.OpenedByObjectId, StringComparison.OrdinalIgnoreCase))
        {
            Log.AnswerRefused(logger);
            return CardActionResult.Message(TicketTexts.For(BotCulture.For(activity))["Notice_AnswerUnknown"]);
        }

        var customer = await customers.FindAsync(ticket.TenantId, cancellationToken).ConfigureAwait(false);
        var format = TicketCards.CustomerFormat(ticket, customer);
        var t = format.Texts;
        if (ticket.Status != TicketStatus.WaitingForCustomer)
        {
            return CardActionResult.Card(TicketNoticeCard.Answered(ticket, t.Format("Notice_AnswerNotWaiting", format.Status(ticket.Status)), format));
        }

        if (Input(action, TicketVerbs.AnswerInput, MaxAnswerLength) is not { } answer)
        {
            return CardActionResult.Message(t["Notice_AnswerRequired"]);
        }

        // The answer goes to the agents first: a status change without it would leave the agent with nothing.
        var agents = cards.AgentsFormat.Texts;
        var who = customer?.FindContact(ticket.OpenedByObjectId)?.Name is { } name ? MarkdownText.Escape(name) : agents["Agents_CustomerUser"];
        if (!await desk.ReplyInThreadAsync(ticket, agents.Format("Thread_CustomerAnswered", who, ticket.Number, MarkdownText.Escape(answer)), cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.Message(t["Notice_AnswerNotDelivered"]);
        }

        var now = time.GetUtcNow();
        var outcome = await desk.ChangeAsync(ticket.TenantId, ticket.Number, x => x.Status == TicketStatus.WaitingForCustomer ? x.CustomerAnswered(now) : null, cancellationToken).ConfigureAwait(false);
        var current = outcome?.Ticket ?? ticket;
        return CardActionResult.Card(TicketNoticeCard.Answered(current, t.Format("Notice_AnswerSent", current.AssignedToName ?? t["Notice_OurTeam"]), format));
    }

    private async Task<Ticket?> FindAsync(CardActionInvoke action, CancellationToken cancellationToken) =>
        action.DataString(TicketCardData.TenantField) is { Length: > 0 } tenantId && action.DataString(TicketCardData.TicketField) is { Length: > 0 } number
            ? await tickets.FindAsync(tenantId, number, cancellationToken).ConfigureAwait(false)
            : null;

    private async Task<CardActionResult> CardAsync(Ticket ticket, Customer? customer, bool withActions, CancellationToken cancellationToken) =>
        CardActionResult.Card(await cards.AgentsCardAsync(ticket, customer, withActions, cancellationToken).ConfigureAwait(false));

    private static partial class Log
    {
        [LoggerMessage(7330, LogLevel.Warning, "Card action {Verb} refused: it did not come from the partner's tenant")]
        public static partial void OutsidePartner(ILogger logger, string verb);

        [LoggerMessage(7331, LogLevel.Warning, "Card action {Verb} on ticket {Number} refused: the user is not a support agent or billing admin")]
        public static partial void NotAgent(ILogger logger, string verb, string number);

        [LoggerMessage(7332, LogLevel.Information, "Card action {Verb} on ticket {Number}: someone else changed it first; the current card is shown")]
        public static partial void Overtaken(ILogger logger, string verb, string number);

        [LoggerMessage(7333, LogLevel.Warning, "Card action {Verb} on ticket {Number} refused: its inputs are missing or invalid")]
        public static partial void BadInput(ILogger logger, string verb, string number);

        [LoggerMessage(7334, LogLevel.Warning, "A ticket answer was refused: the ticket is unknown, or the answer did not come from the person who opened it")]
        public static partial void AnswerRefused(ILogger logger);
    }
}
