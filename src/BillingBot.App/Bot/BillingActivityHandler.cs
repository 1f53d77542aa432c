using BillingBot.App.Resources;
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
    IConversationReferenceStore references,
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
            ActivityTypes.ConversationUpdate when activity.IsBotAdded() => OnInstalledAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate when activity.IsBotRemoved() => OnUninstalledAsync(turnContext, cancellationToken),
            ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade" => OnInstalledAsync(turnContext, cancellationToken),
            ActivityTypes.InstallationUpdate when activity.Action is "remove" => OnUninstalledAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var culture = BotCulture.For(turnContext.Activity);
        var word = turnContext.Activity.GetTextWithoutBotMention().Trim().TrimEnd('?', '!', '.').ToUpperInvariant();
        var reply = word switch
        {
            // Someone who writes in Polish is answered in Polish, whatever their client's locale.
            "POMOC" => BotTexts.Help(BotCulture.Polish),
            "HELP" or "/HELP" or "?" or "" or "MENU" => BotTexts.Help(culture),
            _ => BotTexts.NotUnderstood(culture),
        };
        // The help is a markdown list; Teams renders markdown, plain text would run the items together.
        var message = ActivityExtensions.CreateMessage(reply);
        message.TextFormat = "markdown";
        await turnContext.SendActivityAsync(message, cancellationToken).ConfigureAwait(false);
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

        [LoggerMessage(5003, LogLevel.Warning, "A {ActivityType} without a tenant id was ignored")]
        public static partial void NoTenant(ILogger logger, string activityType);
    }
}
