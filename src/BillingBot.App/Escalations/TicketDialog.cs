using System.Text.RegularExpressions;
using BillingBot.App.Conversations;
using BillingBot.App.Conversations.Dialogs;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Understanding;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Dialogs;
using BillingBot.Protocol.Dialogs.Choices;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;
using BillingBot.Recognizers;

namespace BillingBot.App.Escalations;

/// <summary>
/// The customer's ticket conversation, inside the billing dialog. A status question ("status of T-2026-0007", "my
/// tickets") is answered at once. Opening a ticket asks only what the message did not say: the category (a dispute
/// when they dispute, reklamują or kwestionują an invoice), the invoices concerned (only the tenant's own: any other
/// number is "not found"), a description (the message itself when it says enough), the severity (Normal unless they
/// pick another), then a confirmation. "Help", "cancel" and "agent" interrupt it like any question of the billing
/// dialog; an answer that fits no question but is clearly another question ends it and is answered as that question.
/// </summary>
public sealed partial class TicketDialog : ComponentDialog
{
    public const string DialogId = "tickets";

    private const string OpenId = "tickets.open";
    private const string InvoicesId = "tickets.invoices";
    private const string ChoiceId = "tickets.choice";
    private const string InvoiceChoiceId = "tickets.invoiceChoice";
    private const string DescriptionId = "tickets.description";
    private const string DraftKey = "draft";
    private const string NewQuestionFlag = "BillingBot.Tickets.NewQuestion";

    /// <summary>A message this many words long (invoice numbers aside) describes the problem well enough to be the description.</summary>
    private const int DescriptiveWords = 8;

    private const int MaxDescriptionLength = 2000;
    private const int InvoiceChoices = 5;
    private const int MaxAttempts = 3;

    private static readonly TicketCategory[] AskedCategories = [TicketCategory.BillingQuestion, TicketCategory.InvoiceDispute, TicketCategory.PaymentProblem, TicketCategory.TechnicalProblem];
    private static readonly TicketSeverity[] Severities = [TicketSeverity.Low, TicketSeverity.Normal, TicketSeverity.High, TicketSeverity.Critical];

    private readonly TicketDesk _desk;
    private readonly TicketAnswers _answers;
    private readonly BillingAnswers _billing;
    private readonly IInvoiceRepository _invoices;

    public TicketDialog(TicketDesk desk, TicketAnswers answers, BillingAnswers billing, IInvoiceRepository invoices)
        : base(DialogId)
    {
        _desk = desk;
        _answers = answers;
        _billing = billing;
        _invoices = invoices;
        AddDialog(new WaterfallDialog(OpenId, [StartAsync, CategoryAsync, InvoicesAsync, DescriptionAsync, SeverityAsync, ConfirmedAsync]));
        AddDialog(new WaterfallDialog(InvoicesId, [CheckInvoicesAsync, InvoiceAnsweredAsync]));
        AddDialog(new ChoicePrompt(ChoiceId, AcceptChoiceAsync));
        AddDialog(new ChoicePrompt(InvoiceChoiceId, AcceptInvoiceAsync));
        AddDialog(new TextPrompt(DescriptionId));
        InitialDialogId = OpenId;
    }

    /// <summary>The end of a ticket conversation that met another question: the billing dialog answers that message afresh.</summary>
    public static object NewQuestion { get; } = new NewQuestionResult();

    /// <summary>Whether a message is the ticket conversation's: it asks to open a ticket or for one's status, names a ticket, or disputes an invoice.</summary>
    public static bool Takes(UtteranceUnderstanding understanding)
    {
        ArgumentNullException.ThrowIfNull(understanding);
        return (understanding.IsConfident && understanding.Intent is Intent.OpenEscalation or Intent.EscalationStatus)
            || TicketNumbers.Find(understanding.Text).Count > 0
            || (Disputes(understanding.Text) && understanding.Entities.InvoiceNumbers.Count > 0);
    }

    /// <summary>Whether the message disputes something: dispute, contest, reklamacja, kwestionuję… (any case, with or without diacritics).</summary>
    public static bool Disputes(string text) => DisputeWords().IsMatch(TextFolding.Fold(text ?? string.Empty));

    protected override Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return ReferenceEquals(result, NewQuestion)
            ? outerDc.ReplaceDialogAsync(BillingDialog.MainId, null, cancellationToken)
            : base.EndComponentAsync(outerDc, null, cancellationToken);
    }

    private async Task<DialogTurnResult> StartAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = BillingTurn.Of(step.Context);
        var caller = turn.Caller;
        var understanding = turn.Understanding!;
        var text = understanding.Text;
        var disputes = Disputes(text);
        // Begun with the intent the customer picked from a clarifying question, or from the message itself.
        var picked = step.GetOptions<Intent?>();
        var wantsStatus = picked is { } intent
            ? intent == Intent.EscalationStatus
            : TicketNumbers.Find(text).Count > 0 || (understanding.Intent == Intent.EscalationStatus && !(disputes && understanding.Entities.InvoiceNumbers.Count > 0));
        if (wantsStatus)
        {
            await SendAsync(step.Context, await _answers.StatusAsync(caller, text, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var draft = new TicketDraft
        {
            Language = TicketAnswers.Format(caller).Language,
            Category = disputes ? TicketCategory.InvoiceDispute : null,
            InvoiceNumbers = [.. understanding.Entities.InvoiceNumbers],
            Description = SaysEnough(text, understanding.Entities.InvoiceNumbers) ? Shorten(text.Trim()) : null,
        };
        step.Values[DraftKey] = draft;
        if (draft.Category is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var f = Format(step, draft);
        return await step.PromptAsync(ChoiceId, Ask(f.Texts["Ask_Category"], [.. AskedCategories.Select(c => new Choice(f.Category(c)) { Synonyms = [c.ToString()] })], f), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> CategoryAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (IsNewQuestion(step.Context))
        {
            return await step.EndDialogAsync(NewQuestion, cancellationToken).ConfigureAwait(false);
        }

        var draft = Draft(step);
        if (step.Result is FoundChoice found)
        {
            draft.Category = AskedCategories[found.Index];
        }
        else if (draft.Category is null)
        {
            return await GiveUpAsync(step, cancellationToken).ConfigureAwait(false);
        }

        if (draft.Category == TicketCategory.TechnicalProblem && draft.InvoiceNumbers.Count == 0)
        {
            return await step.NextAsync(Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
        }

        return await step.BeginDialogAsync(InvoicesId, new InvoiceQuestion { Category = draft.Category.Value, Named = [.. draft.InvoiceNumbers], Language = draft.Language }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> InvoicesAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(step.Result, NewQuestion))
        {
            return await step.EndDialogAsync(NewQuestion, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is not IReadOnlyList<string> invoices)
        {
            return await GiveUpAsync(step, cancellationToken).ConfigureAwait(false);
        }

        var draft = Draft(step);
        draft.InvoiceNumbers = [.. invoices];
        if (draft.Description is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var f = Format(step, draft);
        var question = draft.Category == TicketCategory.InvoiceDispute && invoices.Count > 0
            ? f.Texts.Format("Ask_DisputeReason", string.Join(", ", invoices))
            : f.Texts["Ask_Description"];
        return await step.PromptAsync(DescriptionId, new PromptOptions { Prompt = ActivityExtensions.CreateMessage(question) }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> DescriptionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var draft = Draft(step);
        if (step.Result is string description)
        {
            draft.Description = Shorten(description.Trim());
        }

        var f = Format(step, draft);
        var choices = Severities.Select(s => new Choice(f.Severity(s)) { Synonyms = [s.ToString(), .. f.Texts["Synonyms_" + s].Split('|')] }).ToList();
        var options = Ask(f.Texts["Ask_Severity"], choices, f);
        // Normal unless they pick another: an answer that is none of these is not asked again.
        options.MaxAttempts = 1;
        return await step.PromptAsync(ChoiceId, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> SeverityAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (IsNewQuestion(step.Context))
        {
            return await step.EndDialogAsync(NewQuestion, cancellationToken).ConfigureAwait(false);
        }

        var draft = Draft(step);
        draft.Severity = step.Result is FoundChoice found ? Severities[found.Index] : TicketSeverity.Normal;
        var f = Format(step, draft);
        var t = f.Texts;
        var summary = t.Format("Ask_Confirm", f.Category(draft.Category!.Value), f.Invoices(draft.InvoiceNumbers), f.Severity(draft.Severity.Value), MarkdownText.Escape(draft.Description));
        var options = Ask(summary, [new Choice(t["Confirm_Yes"]) { Synonyms = t["Synonyms_Yes"].Split('|') }, new Choice(t["Confirm_No"]) { Synonyms = t["Synonyms_No"].Split('|') }], f);
        options.Prompt!.TextFormat = "markdown";
        return await step.PromptAsync(ChoiceId, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ConfirmedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (IsNewQuestion(step.Context))
        {
            return await step.EndDialogAsync(NewQuestion, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is not FoundChoice { Index: 0 })
        {
            return await GiveUpAsync(step, cancellationToken).ConfigureAwait(false);
        }

        var caller = BillingTurn.Of(step.Context).Caller;
        var customer = caller.Customer!;
        var draft = Draft(step);
        var openedBy = caller.UserObjectId ?? step.Context.Activity.From?.Id ?? "unknown";
        var request = new TicketRequest(customer.TenantId, openedBy, draft.Category!.Value, draft.Severity ?? TicketSeverity.Normal,
            draft.Description ?? string.Empty, draft.InvoiceNumbers);
        var f = Format(step, draft);
        var ticket = await _desk.OpenAsync(request, f.Language, cancellationToken).ConfigureAwait(false);
        await SendAsync(step.Context, _answers.Opened(ticket, customer, caller.Now, f), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks the invoices named against the customer's own; asks for them when none (or an unknown one) was named.</summary>
    private async Task<DialogTurnResult> CheckInvoicesAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var question = step.GetOptions<InvoiceQuestion>()!;
        var caller = BillingTurn.Of(step.Context).Caller;
        var f = TicketAnswers.Format(caller, question.Language);
        var t = f.Texts;
        var tenant = caller.Customer!.TenantId;
        if (question.Named.Count > 0)
        {
            var unknown = new List<string>();
            foreach (var number in question.Named)
            {
                // Keyed by the caller's tenant: another tenant's invoice is as unknown as one that does not exist.
                if (await _invoices.FindAsync(tenant, number, cancellationToken).ConfigureAwait(false) is null)
                {
                    unknown.Add(number);
                }
            }

            if (unknown.Count == 0)
            {
                return await step.EndDialogAsync(question.Named, cancellationToken).ConfigureAwait(false);
            }

            await step.Context.SendActivityAsync(ActivityExtensions.CreateMessage(t.Format("Invoice_NotFound", string.Join(", ", unknown), caller.Customer.Name)), cancellationToken).ConfigureAwait(false);
        }

        if (question.Asked >= MaxAttempts)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var candidates = await _billing.CandidateInvoicesAsync(caller, InvoiceChoices, cancellationToken).ConfigureAwait(false);
        var choices = candidates.Select(i => new Choice(i.Number)).ToList();
        var dispute = question.Category == TicketCategory.InvoiceDispute;
        if (!dispute)
        {
            choices.Add(new Choice(t["Choice_NoInvoice"]) { Synonyms = t["Synonyms_NoInvoice"].Split('|') });
        }

        step.Values["choices"] = choices.Select(c => c.Value).ToList();
        step.Values["none"] = dispute ? -1 : choices.Count - 1;
        var options = Ask(dispute ? t["Ask_DisputedInvoice"] : t["Ask_Invoices"], choices, f);
        options.MaxAttempts = MaxAttempts;
        return await step.PromptAsync(InvoiceChoiceId, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> InvoiceAnsweredAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (IsNewQuestion(step.Context))
        {
            return await step.EndDialogAsync(NewQuestion, cancellationToken).ConfigureAwait(false);
        }

        var question = step.GetOptions<InvoiceQuestion>()!;
        // Numbers typed by hand win over a choice that merely looks like them ("FV/2026/10/018" is not "…/017").
        var typed = BillingTurn.Of(step.Context).Understanding?.Entities.InvoiceNumbers ?? [];
        if (typed.Count > 0)
        {
            return await step.ReplaceDialogAsync(InvoicesId, new InvoiceQuestion { Category = question.Category, Named = [.. typed], Asked = question.Asked + 1, Language = question.Language }, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is FoundChoice found)
        {
            var choices = step.Values.Get<List<string>>("choices") ?? [];
            return found.Index == step.Values.Get<int>("none") || found.Index >= choices.Count
                ? await step.EndDialogAsync(Array.Empty<string>(), cancellationToken).ConfigureAwait(false)
                : await step.EndDialogAsync(new[] { choices[found.Index] }, cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var f = Format(step, Draft(step));
        await step.Context.SendActivityAsync(ActivityExtensions.CreateMessage(f.Texts["NotOpened"]), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A choice, or another question (which ends the conversation, to be answered afresh).</summary>
    private static Task<bool> AcceptChoiceAsync(PromptValidatorContext<FoundChoice> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized.Succeeded || FlagNewQuestion(prompt.Context));

    /// <summary>A choice, invoice numbers typed by hand, or another question.</summary>
    private static Task<bool> AcceptInvoiceAsync(PromptValidatorContext<FoundChoice> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized.Succeeded
            || BillingTurn.Of(prompt.Context).Understanding?.Entities.InvoiceNumbers.Count > 0
            || FlagNewQuestion(prompt.Context));

    /// <summary>Whether the message is clearly another question rather than an answer; if so, the turn remembers it.</summary>
    private static bool FlagNewQuestion(ITurnContext context)
    {
        var understanding = BillingTurn.Of(context).Understanding;
        var isNew = understanding is { IsConfident: true }
            && understanding.Intent is not (Intent.None or Intent.OpenEscalation or Intent.Greeting or Intent.Thanks);
        if (isNew)
        {
            context.TurnState[NewQuestionFlag] = true;
        }

        return isNew;
    }

    private static bool IsNewQuestion(ITurnContext context) => context.TurnState.TryGetValue(NewQuestionFlag, out var flag) && flag is true;

    private static TicketFormat Format(WaterfallStepContext step, TicketDraft draft) => TicketAnswers.Format(BillingTurn.Of(step.Context).Caller, draft.Language);

    private static TicketDraft Draft(WaterfallStepContext step) =>
        step.Values.Get<TicketDraft>(DraftKey) ?? throw new StaleDialogStackException(OpenId, "its state has no draft");

    private static bool SaysEnough(string text, IReadOnlyList<string> invoiceNumbers)
    {
        var words = Words().Matches(text).Count;
        return words - invoiceNumbers.Count >= DescriptiveWords;
    }

    private static string Shorten(string text) => text.Length <= MaxDescriptionLength ? text : text[..MaxDescriptionLength];

    private static PromptOptions Ask(string question, IReadOnlyList<Choice> choices, TicketFormat format) => new()
    {
        Prompt = ActivityExtensions.CreateMessage(question),
        RetryPrompt = ActivityExtensions.CreateMessage(format.Texts.Format("Ask_Retry", question)),
        Choices = [.. choices],
        MaxAttempts = MaxAttempts,
    };

    private static async Task SendAsync(ITurnContext context, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            await context.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
        }
    }

    // Folded text (lower case, no diacritics): dispute, disputing, contest, reklamacja, reklamuję, zareklamować, kwestionuję, zakwestionować.
    [GeneratedRegex(@"\b(disput\w*|contest\w*|reklamac\w*|reklamuj\w*|zareklamow\w*|kwestionuj\w*|zakwestionow\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex DisputeWords();

    [GeneratedRegex(@"[\p{L}\p{N}/\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    private sealed class NewQuestionResult;
}
