using BillingBot.App.Bot;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Escalations;

/// <summary>
/// Tells the customer's person who opened a ticket of a change, proactively, in their personal chat with the bot.
/// Someone who cannot be reached is reported back (false), so the agents can tell them another way.
/// </summary>
public sealed class TicketNotices(CustomerChat chat, AdaptiveCardSerializer cards)
{
    public Task<bool> TellAsync(string tenantId, string objectId, AdaptiveCard card, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var message = cards.CreateMessage(card, card.FallbackText);
        message.Locale = language;
        return chat.SendAsync(tenantId, objectId, message, cancellationToken);
    }
}
