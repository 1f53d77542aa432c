using BillingBot.App.Resources;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;

namespace BillingBot.App.Bot;

/// <summary>Tells the user, in their language, that the turn failed and gives the correlation id; never the exception.</summary>
public sealed class LocalizedTurnErrorHandler : ITurnErrorHandler
{
    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
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

        if (activity.Type == ActivityTypes.Message)
        {
            await turnContext.SendActivityAsync(text, cancellationToken).ConfigureAwait(false);
        }
    }
}
