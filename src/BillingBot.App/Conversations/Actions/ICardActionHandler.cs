using BillingBot.Protocol.Turns;

namespace BillingBot.App.Conversations.Actions;

/// <summary>Answers the Universal Actions whose verb starts with <see cref="VerbPrefix"/> (for example "reminder.").</summary>
public interface ICardActionHandler
{
    string VerbPrefix { get; }

    /// <summary>The answer to show in place of the card: usually the card, updated; a message for errors.</summary>
    Task<CardActionResult> HandleAsync(ITurnContext turnContext, CardActionInvoke action, CancellationToken cancellationToken);
}
