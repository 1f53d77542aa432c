using BillingBot.App.Bot;
using BillingBot.Billing.Customers;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Suspensions;

/// <summary>
/// Tells a customer's billing contacts (Primary and Billing: they may see amounts) something proactively, each in the
/// personal chat whose reference the bot stored when they installed it. Whoever cannot be reached is reported back,
/// so the partner's billing team can tell them another way.
/// </summary>
public sealed class CustomerNotices(CustomerChat chat, AdaptiveCardSerializer cards)
{
    public async Task<NoticeDelivery> TellBillingContactsAsync(Customer customer, AdaptiveCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(card);
        var reached = new List<BillingContact>();
        var unreachable = new List<BillingContact>();
        foreach (var contact in customer.Contacts.Where(c => c.CanSeeAmounts))
        {
            if (await TellAsync(customer, contact, card, cancellationToken).ConfigureAwait(false))
            {
                reached.Add(contact);
            }
            else
            {
                unreachable.Add(contact);
            }
        }

        return new NoticeDelivery(reached, unreachable);
    }

    private Task<bool> TellAsync(Customer customer, BillingContact contact, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var message = cards.CreateMessage(card, card.FallbackText);
        message.Locale = customer.Locale;
        return chat.SendAsync(customer.TenantId, contact.ObjectId, message, cancellationToken);
    }
}
