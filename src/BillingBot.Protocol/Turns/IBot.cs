namespace BillingBot.Protocol.Turns;

/// <summary>The bot's logic, called once per turn.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
