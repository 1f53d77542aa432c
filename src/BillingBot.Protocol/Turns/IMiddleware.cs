namespace BillingBot.Protocol.Turns;

/// <summary>Code that runs around every turn, in registration order.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}
