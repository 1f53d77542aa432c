using BillingBot.App.Configuration;
using BillingBot.App.Conversations.Cards;
using BillingBot.App.Escalations;
using BillingBot.App.Handoff;
using BillingBot.App.Reminders;
using BillingBot.App.Resources;
using BillingBot.App.Sales;
using BillingBot.Billing.Handoff;
using BillingBot.Billing.Understanding;
using BillingBot.Protocol.Dialogs;
using BillingBot.Protocol.Dialogs.Choices;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Conversations.Dialogs;

/// <summary>
/// The customer's billing conversation. Each message is routed by its intent to an answer; a question that needs more
/// (which invoice? did you mean…?) asks with buttons. "Help", "cancel" and "agent" interrupt whatever is being asked,
/// and a message that answers none of the offered choices is taken as a new question.
/// </summary>
public sealed class BillingDialog : ComponentDialog
{
    public const string DialogId = "billing";
    internal const string MainId = "billing.main";
    private const string ChoiceId = "billing.choice";
    private const string KindKey = "kind";
    private const string ChoicesKey = "choices";
    private const string AskedKey = "asked";
    private const string InvoiceKind = "invoice";
    private const string ClarifyKind = "clarify";
    private const int InvoiceChoices = 6;

    private readonly BillingAnswers _answers;
    private readonly HandoffDesk _handoff;
    private readonly ReminderPreferencesConversation _reminders;
    private readonly BillingStateAccessors _state;
    private readonly IOptions<ConversationOptions> _options;
    private readonly SalesLeads _sales;

    public BillingDialog(BillingAnswers answers, HandoffDesk handoff, ReminderPreferencesConversation reminders, BillingStateAccessors state, IOptions<ConversationOptions> options, SalesLeads sales, TicketDialog tickets)
        : base(DialogId)
    {
        _answers = answers;
        _handoff = handoff;
        _reminders = reminders;
        _state = state;
        _options = options;
        _sales = sales;
        AddDialog(new WaterfallDialog(MainId, [RouteAsync, AnsweredAsync]));
        AddDialog(new ChoicePrompt(ChoiceId));
        AddDialog(tickets);
        InitialDialogId = MainId;
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var turn = BillingTurn.Of(innerDc.Context);
        // A card's button is a new request, whatever was being asked.
        if (turn.CardAction is not null)
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return await innerDc.BeginDialogAsync(MainId, null, cancellationToken).ConfigureAwait(false);
        }

        if (turn.Understanding is { IsConfident: true } understanding)
        {
            switch (understanding.Intent)
            {
                case Intent.Cancel:
                    await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                    await SendAsync(innerDc.Context, [ActivityExtensions.CreateMessage(turn.Caller.Format.Texts["Cancelled"])], cancellationToken).ConfigureAwait(false);
                    return await innerDc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
                case Intent.Help:
                    await SendAsync(innerDc.Context, Help(turn.Caller), cancellationToken).ConfigureAwait(false);
                    await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                    return Dialog.EndOfTurn;
                case Intent.TalkToPerson:
                    await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                    return await innerDc.BeginDialogAsync(MainId, null, cancellationToken).ConfigureAwait(false);
            }
        }

        return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = BillingTurn.Of(step.Context);
        var caller = turn.Caller;
        var t = caller.Format.Texts;

        var memory = (await _state.Memory.GetAsync(step.Context, () => new ConversationMemory(), cancellationToken).ConfigureAwait(false))!;
        if (turn.CardAction is { } action)
        {
            var answer = action.Action == BillingCardAction.TalkToPerson
                ? await HandOffAsync(step.Context, caller, action.Reason == BillingCardAction.NotUnderstoodReason ? HandoffTrigger.NotUnderstood : HandoffTrigger.CardButton, memory, cancellationToken).ConfigureAwait(false)
                : await AnswerCardActionAsync(caller, action, cancellationToken).ConfigureAwait(false);
            await SendAsync(step.Context, answer, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var understanding = turn.Understanding!;
        if (caller.Customer is not null && TicketDialog.Takes(understanding))
        {
            // Tickets have their own conversation; a message it cannot use comes back here as a new question.
            memory.Misses = 0;
            return await step.ReplaceDialogAsync(TicketDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
        }

        if (!understanding.IsConfident || understanding.Intent == Intent.None)
        {
            memory.Misses++;
            if (memory.Misses >= _options.Value.MissesBeforeOfferingPerson)
            {
                memory.Misses = 0;
                await SendAsync(step.Context, [_answers.OfferPerson(caller)], cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }

            var guesses = understanding.TopIntents.Select(s => s.Intent).Where(i => i is not (Intent.None or Intent.Cancel or Intent.Greeting or Intent.Thanks)).Take(3).ToList();
            if (guesses.Count == 0)
            {
                guesses = [Intent.Balance, Intent.ListInvoices, Intent.SupportOffer];
            }

            var labels = guesses.Select(i => t["Intent_" + i]).Append(t["ClarifyNone"]).ToList();
            step.Values[KindKey] = ClarifyKind;
            step.Values[ChoicesKey] = guesses.Select(i => i.ToString()).ToList();
            step.Values[AskedKey] = understanding.Text;
            return await step.PromptAsync(ChoiceId, Ask(t["Clarify"], labels), cancellationToken).ConfigureAwait(false);
        }

        memory.Misses = 0;
        var entities = understanding.Entities;
        if (caller.Customer is not null && understanding.Intent == Intent.InvoiceStatus && entities.InvoiceNumbers.Count == 0 && entities.Months.Count == 0)
        {
            var candidates = await _answers.CandidateInvoicesAsync(caller, InvoiceChoices, cancellationToken).ConfigureAwait(false);
            if (candidates.Count == 0)
            {
                await SendAsync(step.Context, [ActivityExtensions.CreateMessage(t["NoInvoices"])], cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }

            step.Values[KindKey] = InvoiceKind;
            step.Values[ChoicesKey] = candidates.Select(i => i.Number).ToList();
            return await step.PromptAsync(ChoiceId, Ask(t["AskWhichInvoice"], [.. candidates.Select(i => i.Number)]), cancellationToken).ConfigureAwait(false);
        }

        if (understanding.Intent == Intent.TalkToPerson)
        {
            await SendAsync(step.Context, await HandOffAsync(step.Context, caller, HandoffTrigger.AskedForPerson, memory, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (understanding.Intent is not (Intent.Greeting or Intent.Thanks or Intent.Help or Intent.Cancel))
        {
            memory.LastIntent = understanding.Intent.ToString();
            memory.LastQuestion = understanding.Text;
        }

        if (understanding.Intent == Intent.Purchase && caller.Customer is not null)
        {
            await SendAsync(step.Context, await _sales.AnswerAsync(step.Context, caller, understanding.Text, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var reply = understanding.Intent == Intent.ReminderPreferences && caller.Customer is not null
            ? await _reminders.AnswerAsync(caller, understanding, cancellationToken).ConfigureAwait(false)
            : await AnswerAsync(caller, understanding.Intent, entities, cancellationToken).ConfigureAwait(false);
        await SendAsync(step.Context, reply, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AnsweredAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = BillingTurn.Of(step.Context);
        var caller = turn.Caller;
        var kind = step.Values.Get<string>(KindKey);
        var choices = ChoicesOf(step);
        IReadOnlyList<Activity> reply;
        if (kind == ClarifyKind && caller.Customer is not null && step.Result is FoundChoice ticketPick && ticketPick.Index < choices.Count
            && Enum.Parse<Intent>(choices[ticketPick.Index]) is var chosen && chosen is Intent.OpenEscalation or Intent.EscalationStatus)
        {
            return await step.ReplaceDialogAsync(TicketDialog.DialogId, chosen, cancellationToken).ConfigureAwait(false);
        }

        if (kind == ClarifyKind && step.Result is FoundChoice picked && picked.Index < choices.Count && choices[picked.Index] == nameof(Intent.Purchase) && caller.Customer is not null)
        {
            reply = await _sales.AnswerAsync(step.Context, caller, step.Values.Get<string>(AskedKey), cancellationToken).ConfigureAwait(false);
        }
        else if (kind == ClarifyKind && step.Result is FoundChoice person && person.Index < choices.Count && choices[person.Index] == nameof(Intent.TalkToPerson))
        {
            var memory = (await _state.Memory.GetAsync(step.Context, () => new ConversationMemory(), cancellationToken).ConfigureAwait(false))!;
            reply = await HandOffAsync(step.Context, caller, HandoffTrigger.AskedForPerson, memory, cancellationToken).ConfigureAwait(false);
        }
        else if (step.Result is FoundChoice found && found.Index < choices.Count)
        {
            reply = kind == InvoiceKind
                ? await _answers.InvoiceStatusAsync(caller, new UtteranceEntities([choices[found.Index]], [], [], []), cancellationToken).ConfigureAwait(false)
                : await AnswerAsync(caller, Enum.Parse<Intent>(choices[found.Index]), turn.Understanding?.Entities ?? UtteranceEntities.None, cancellationToken).ConfigureAwait(false);
        }
        else if (step.Result is FoundChoice)
        {
            // "None of these": say what the bot can do rather than guess again.
            reply = Help(caller);
        }
        else
        {
            // The answer was none of the buttons: it is a new question (or an invoice number typed by hand).
            var understanding = turn.Understanding;
            if (kind == InvoiceKind && understanding is { Entities: { } entities } && (entities.InvoiceNumbers.Count > 0 || entities.Months.Count > 0))
            {
                reply = await _answers.InvoiceStatusAsync(caller, entities, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                return await step.ReplaceDialogAsync(MainId, null, cancellationToken).ConfigureAwait(false);
            }
        }

        await SendAsync(step.Context, reply, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answer to an intent; only greetings, help and the support offer are for anyone, the rest need a customer.</summary>
    private async Task<IReadOnlyList<Activity>> AnswerAsync(Caller caller, Intent intent, UtteranceEntities entities, CancellationToken cancellationToken)
    {
        if (intent == Intent.Help)
        {
            return Help(caller);
        }

        if (caller.Customer is null && intent is not (Intent.Greeting or Intent.Thanks or Intent.SupportOffer or Intent.TalkToPerson))
        {
            return _answers.UnknownCustomer(caller);
        }

        return await _answers.AnswerAsync(caller, intent, entities, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Activity>> AnswerCardActionAsync(Caller caller, BillingCardAction action, CancellationToken cancellationToken)
    {
        var invoice = action.Invoice is { } number ? new UtteranceEntities([number], [], [], []) : UtteranceEntities.None;
        return action.Action switch
        {
            BillingCardAction.ShowInvoice when action.Invoice is not null => await AnswerAsync(caller, Intent.InvoiceStatus, invoice, cancellationToken).ConfigureAwait(false),
            BillingCardAction.HowToPay => await AnswerAsync(caller, Intent.HowToPay, invoice, cancellationToken).ConfigureAwait(false),
            BillingCardAction.CollectionPolicy => await AnswerAsync(caller, Intent.CollectionPolicy, invoice, cancellationToken).ConfigureAwait(false),
            BillingCardAction.ListInvoices => await AnswerAsync(caller, Intent.ListInvoices, UtteranceEntities.None, cancellationToken).ConfigureAwait(false),
            BillingCardAction.TalkToPerson => await AnswerAsync(caller, Intent.TalkToPerson, UtteranceEntities.None, cancellationToken).ConfigureAwait(false),
            _ => [ActivityExtensions.CreateMessage(caller.Format.Texts["CardActionUnknown"])],
        };
    }

    /// <summary>
    /// The customer wants a person: a known customer in a personal chat gets a hand-off to the agents, carrying what
    /// they last asked about, the invoices named and the last messages; anyone else gets the support contacts.
    /// </summary>
    private async Task<IReadOnlyList<Activity>> HandOffAsync(ITurnContext context, Caller caller, HandoffTrigger trigger, ConversationMemory memory, CancellationToken cancellationToken)
    {
        if (caller.Customer is null || caller.UserObjectId is null)
        {
            return caller.Customer is null ? _answers.UnknownCustomer(caller) : [ActivityExtensions.CreateMessage(_answers.Person(caller))];
        }

        if (!HandoffDesk.CanHandOff(context.Activity))
        {
            return [ActivityExtensions.CreateMessage(HandoffTexts.For(caller.Culture).Format("Customer_NotHere", _answers.Person(caller)))];
        }

        // The topic is what they asked about: the request itself when it says more than "a person, please", else their last question.
        var current = context.Activity.GetTextWithoutBotMention().Trim();
        var saysMore = BillingTurn.Of(context).Understanding is { } understanding
            && (understanding.Entities.InvoiceNumbers.Count > 0 || current.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 7);
        var topic = saysMore || memory.LastQuestion is null ? current : memory.LastQuestion;
        var intent = Enum.TryParse<Intent>(memory.LastIntent, out var last) ? last : Intent.TalkToPerson;
        memory.LastIntent = null;
        memory.LastQuestion = null;
        return await _handoff.StartAsync(context, caller, new HandoffStart(trigger, intent, topic, [.. memory.Invoices]), memory, cancellationToken).ConfigureAwait(false);
    }

    private static IReadOnlyList<Activity> Help(Caller caller)
    {
        var message = ActivityExtensions.CreateMessage(BotTexts.Help(caller.Culture));
        message.TextFormat = "markdown";
        return [message];
    }

    private static PromptOptions Ask(string question, IReadOnlyList<string> labels) => new()
    {
        Prompt = ActivityExtensions.CreateMessage(question),
        Choices = [.. labels.Select(l => new Choice(l))],
        // One answer: a message that is none of the choices is a new question, not a wrong answer.
        MaxAttempts = 1,
    };

    private static List<string> ChoicesOf(WaterfallStepContext step) => step.Values.Get<List<string>>(ChoicesKey) ?? [];

    private static async Task SendAsync(ITurnContext context, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            await context.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
        }
    }
}
