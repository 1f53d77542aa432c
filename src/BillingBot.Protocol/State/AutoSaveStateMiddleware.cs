using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.State;

/// <summary>Saves the given states once, at the end of every turn that completed without error.</summary>
public sealed class AutoSaveStateMiddleware(params BotState[] states) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        await next(cancellationToken).ConfigureAwait(false);
        foreach (var state in states)
        {
            await state.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        }
    }
}
