using BillingBot.App.Resources;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;

namespace BillingBot.App.Bot;

/// <summary>
/// Tells the user, in their language, that the turn failed and gives the correlation id; never the exception. When
/// Teams refused the turn's reply because the bot was removed or blocked, nothing more is written into that chat (it
/// would be refused too) and a personal chat is marked unreachable until the user writes again, as a refused proactive
/// message marks it.
/// </summary>
public sealed partial class LocalizedTurnErrorHandler(
    IConversationReferenceStore references,
    TimeProvider time,
    ILogger<LocalizedTurnErrorHandler> logger) : ITurnErrorHandler
{
    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var gone = exception is ConnectorException { IsConversationGone: true };
        if (gone)
        {
            Log.ReplyRefused(logger, ((ConnectorException)exception).ErrorCode ?? "none");
            await MarkUnreachableAsync(activity, cancellationToken).ConfigureAwait(false);
        }

        var culture = BotCulture.For(activity);
        var text = exception is StorageUnavailableException
            ? BotTexts.StorageUnavailable(culture, turnContext.CorrelationId)
            : BotTexts.TurnFailed(culture, turnContext.CorrelationId);

        if (activity.Type == ActivityTypes.Invoke)
        {
            turnContext.InvokeResponse = new InvokeResponse(500, new
            {
                statusCode = 500,
                type = "application/vnd.microsoft.error",
                value = new { code = "TurnFailed", message = text },
            });
            return;
        }

        if (activity.Type == ActivityTypes.Message && !gone)
        {
            await turnContext.SendActivityAsync(text, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task MarkUnreachableAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.ConversationType is not (null or "personal") || ReferenceKey.For(activity) is not { } key)
        {
            return;
        }

        if (await references.GetAsync(key.TenantId, key.Owner, cancellationToken).ConfigureAwait(false) is { IsActive: true } stored)
        {
            await references.SaveAsync(stored with { IsActive = false, UpdatedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5009, LogLevel.Warning, "Teams refused the turn's reply ({ErrorCode}): the bot was removed or blocked; nothing more is sent to that chat")]
        public static partial void ReplyRefused(ILogger logger, string errorCode);
    }
}
