namespace BillingBot.Protocol.Turns;

/// <summary>Called when a turn throws: logs it and tells the user something useful, never a stack trace.</summary>
public interface ITurnErrorHandler
{
    Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken);
}
