namespace BillingBot.Protocol.Turns;

/// <summary>The work to do inside a turn, for example a proactive message sent with a continued conversation.</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);
