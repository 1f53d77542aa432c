using BillingBot.App.Conversations;
using BillingBot.App.Conversations.Actions;
using BillingBot.App.Conversations.Cards;
using BillingBot.App.Conversations.Dialogs;
using BillingBot.App.Handoff;
using BillingBot.App.Resources;
using BillingBot.App.Staff;
using BillingBot.App.Touchpoints;
using BillingBot.Billing.Understanding;
using BillingBot.Protocol.Dialogs;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Bot;

/// <summary>
/// Routes each turn by activity type: installs and uninstalls keep the conversation reference for proactive
/// messages and greet once; messages are understood and answered.
/// </summary>
public sealed partial class BillingActivityHandler(
    IIntentRecognizer recognizer,
    ILanguageDetector languages,
    CallerResolver callers,
    StaffDesk staffDesk,
    HandoffDesk handoffs,
    AgentsChannelPicker channelPicker,
    BillingDialog dialog,
    BillingStateAccessors state,
    IEnumerable<ICardActionHandler> cardActions,
    IConversationReferenceStore references,
    TouchpointRecorder touchpoints,
    TimeProvider time,
    IOptions<BotOptions> options,
    ILogger<BillingActivityHandler> logger) : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        return activity.Type switch
        {
            ActivityTypes.Message => OnMessageAsync(turnContext, cancellationToken),
            ActivityTypes.Invoke when activity.Name == CardActionInvoke.InvokeName => OnCardActionAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate when activity.IsBotAdded() => OnInstalledAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate when activity.IsBotRemoved() => OnUninstalledAsync(turnContext, cancellationToken),
            ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade" => OnInstalledAsync(turnContext, cancellationToken),
            ActivityTypes.InstallationUpdate when activity.Action is "remove" => OnUninstalledAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var text = activity.GetTextWithoutBotMention().Trim();
        var cardAction = BillingCardAction.From(activity.Value);
        if (text.Length == 0 && cardAction is null)
        {
            // An empty message, or a card submit that is not ours: nothing to answer.
            return;
        }

        await KeepReferenceAsync(activity, cancellationToken).ConfigureAwait(false);
        var detected = text.Length > 0 ? languages.Detect(text) : null;
        // "use this channel" may come from any channel of the partner's team, which the staff desk does not hear.
        if (text.Length > 0 && await channelPicker.TryHandleMessageAsync(turnContext, text, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (await staffDesk.RecognizeAsync(turnContext, text, detected, cancellationToken).ConfigureAwait(false) is { } staffTurn)
        {
            // The partner's side: the agents' channel (hand-off threads included) or a staff member's own chat.
            if (text.Length > 0)
            {
                await staffDesk.HandleAsync(staffTurn, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var memory = (await state.Memory.GetAsync(turnContext, () => new ConversationMemory(), cancellationToken).ConfigureAwait(false))!;
        // Answer in the language of the message; a message without a clue keeps the conversation's language.
        var language = detected
            ?? memory.Language
            ?? Languages.FromLocale(BotCulture.For(activity).Name);
        memory.Language = language;
        var caller = await callers.ResolveAsync(activity, language, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (text.Length > 0)
        {
            memory.Remember(new RecentMessage { Text = text, At = now, Name = activity.From?.Name });
        }

        // What the bot answers is remembered too: a hand-off carries the conversation so far to the agent.
        turnContext.OnSendActivities(async (context, activities, next) =>
        {
            foreach (var sent in activities.Where(a => a.Type == ActivityTypes.Message))
            {
                if (ConversationGist.Of(sent) is { Length: > 0 } gist)
                {
                    memory.Remember(new RecentMessage { FromBot = true, Text = gist, At = time.GetUtcNow() });
                }
            }

            return await next().ConfigureAwait(false);
        });

        if (text.Length > 0 && await handoffs.TryRelayFromCustomerAsync(turnContext, caller, text, memory, cancellationToken).ConfigureAwait(false))
        {
            // A person is on (or about to join) the other end: the message is theirs, not the bot's.
            return;
        }

        if (memory.RatingFor is { } rated)
        {
            memory.RatingFor = null;
            if (text.Length == 1 && text[0] is >= '1' and <= '5' && caller.TenantId is { } tenantId
                && await handoffs.RateAsync(rated, tenantId, caller.UserObjectId, text[0] - '0', cancellationToken).ConfigureAwait(false) is { Rating: { } stars })
            {
                await turnContext.SendActivityAsync(HandoffTexts.For(caller.Culture).Format("Rate_Thanks", stars), cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        var understanding = text.Length > 0 && cardAction is null
            ? await recognizer.RecognizeAsync(text, language, caller.Today, cancellationToken).ConfigureAwait(false)
            : null;
        if (understanding is not null)
        {
            Log.Understood(logger, understanding.Language, understanding.Intent.ToString(), understanding.Confidence, caller.Customer is not null);
            foreach (var number in understanding.Entities.InvoiceNumbers)
            {
                memory.Mentioned(number);
            }

            // A question, not an answer to one the bot asked (a ticket's description is no question about buying).
            var dialogs = await state.DialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
            if (dialogs is null || dialogs.DialogStack.Count == 0)
            {
                await touchpoints.QuestionAsync(caller, understanding, cancellationToken).ConfigureAwait(false);
            }
        }

        if (cardAction?.Invoice is { } clicked)
        {
            memory.Mentioned(clicked);
        }

        new BillingTurn(caller, understanding, cardAction).Attach(turnContext);
        var result = await dialog.RunAsync(turnContext, state.DialogState, cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Reset)
        {
            var reset = result.Result as DialogStackReset;
            Log.StaleConversation(logger, reset?.DialogId ?? "unknown", reset?.Reason ?? "unknown");
            await turnContext.SendActivityAsync(caller.Format.Texts["StaleConversation"], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A personal chat's reference is kept current when the user writes: one missing (installed before we stored
    /// references) is stored, and one marked unreachable (the user had blocked or removed the bot) is active again.
    /// </summary>
    private async Task KeepReferenceAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.ConversationType is not (null or "personal") || ReferenceKey.For(activity) is not { } key)
        {
            return;
        }

        var stored = await references.GetAsync(key.TenantId, key.Owner, cancellationToken).ConfigureAwait(false);
        if (stored is null || !stored.IsActive || stored.Reference.ServiceUrl != activity.ServiceUrl)
        {
            await references.SaveAsync(new StoredConversationReference(key.TenantId, key.Owner, activity.GetConversationReference(), true, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            Log.ReferenceRefreshed(logger, stored is null ? "missing" : stored.IsActive ? "moved" : "inactive");
        }
    }

    private async Task OnCardActionAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var culture = BotCulture.For(turnContext.Activity);
        if (CardActionInvoke.From(turnContext.Activity) is not { } action)
        {
            turnContext.InvokeResponse = new InvokeResponse(400, new Dictionary<string, object> { ["statusCode"] = 400, ["type"] = "application/vnd.microsoft.error", ["value"] = new Dictionary<string, string> { ["code"] = "BadRequest", ["message"] = "Not an Action.Execute invoke." } });
            return;
        }

        var handler = cardActions.FirstOrDefault(h => action.Verb.StartsWith(h.VerbPrefix, StringComparison.Ordinal));
        var result = handler is null
            ? CardActionResult.Message(BillingTexts.For(culture)["CardActionUnknown"])
            : await handler.HandleAsync(turnContext, action, cancellationToken).ConfigureAwait(false);
        Log.CardAction(logger, action.Verb, handler is not null, action.IsRefresh);
        turnContext.InvokeResponse = result.ToInvokeResponse();
    }

    private async Task OnInstalledAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (ReferenceKey.For(activity) is not { } key)
        {
            Log.NoTenant(logger, activity.Type!);
            return;
        }

        // Teams may announce one install with both a conversationUpdate and an installationUpdate (the playground
        // does on every page load): only the event that stores the reference first greets.
        bool isNew;
        try
        {
            isNew = await references.SaveAsync(new StoredConversationReference(key.TenantId, key.Owner, activity.GetConversationReference(), true, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            // The welcome matters more than the reference, which is stored again at the next install event.
            Log.ReferenceNotStored(logger, ex);
            isNew = true;
        }

        Log.Installed(logger, activity.Conversation?.ConversationType ?? "unknown", isNew);
        if (!isNew)
        {
            return;
        }

        var culture = BotCulture.For(activity);
        var greeting = activity.Conversation?.ConversationType is "channel" or "groupChat"
            ? BotTexts.WelcomeChannel(culture, options.Value.PartnerName)
            : BotTexts.Welcome(culture, activity.From?.Name, options.Value.PartnerName);
        await turnContext.SendActivityAsync(greeting, cancellationToken).ConfigureAwait(false);
        // In a channel of the partner's team: offer to make it the agents' channel.
        await channelPicker.OfferAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnUninstalledAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (ReferenceKey.For(turnContext.Activity) is { } key)
        {
            await references.DeleteAsync(key.TenantId, key.Owner, cancellationToken).ConfigureAwait(false);
            Log.Uninstalled(logger, turnContext.Activity.Conversation?.ConversationType ?? "unknown");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5001, LogLevel.Information, "Bot installed in a {ConversationType} conversation (new: {IsNew})")]
        public static partial void Installed(ILogger logger, string conversationType, bool isNew);

        [LoggerMessage(5002, LogLevel.Information, "Bot uninstalled from a {ConversationType} conversation")]
        public static partial void Uninstalled(ILogger logger, string conversationType);

        [LoggerMessage(5004, LogLevel.Error, "The conversation reference could not be stored; proactive messages cannot reach this conversation yet")]
        public static partial void ReferenceNotStored(ILogger logger, Exception exception);

        [LoggerMessage(5005, LogLevel.Information, "Message understood: {Language} {Intent} ({Confidence:0.00}), known customer: {KnownCustomer}")]
        public static partial void Understood(ILogger logger, string language, string intent, double confidence, bool knownCustomer);

        [LoggerMessage(5006, LogLevel.Warning, "A saved conversation no longer fit the dialogs ({DialogId}: {Reason}); it was reset")]
        public static partial void StaleConversation(ILogger logger, string dialogId, string reason);

        [LoggerMessage(5007, LogLevel.Information, "Card action {Verb} (handled: {Handled}, refresh: {IsRefresh})")]
        public static partial void CardAction(ILogger logger, string verb, bool handled, bool isRefresh);

        [LoggerMessage(5008, LogLevel.Information, "The user's conversation reference was stored again (it was {Previous})")]
        public static partial void ReferenceRefreshed(ILogger logger, string previous);

        [LoggerMessage(5003, LogLevel.Warning, "A {ActivityType} without a tenant id was ignored")]
        public static partial void NoTenant(ILogger logger, string activityType);
    }
}
