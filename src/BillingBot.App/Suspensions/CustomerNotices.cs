using System.Text.Json;
using BillingBot.Billing.Customers;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;

namespace BillingBot.App.Suspensions;

/// <summary>
/// Tells a customer's billing contacts (Primary and Billing: they may see amounts) something proactively, each in the
/// personal chat whose reference the bot stored when they installed it. Whoever cannot be reached is reported back,
/// so the partner's billing team can tell them another way.
/// </summary>
public sealed partial class CustomerNotices(
    BotAdapter adapter,
    IConversationReferenceStore references,
    AdaptiveCardSerializer cards,
    TimeProvider time,
    ILogger<CustomerNotices> logger)
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

    private async Task<bool> TellAsync(Customer customer, BillingContact contact, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var stored = await references.GetAsync(customer.TenantId, "user:" + contact.ObjectId, cancellationToken).ConfigureAwait(false);
        if (stored is not { IsActive: true })
        {
            Log.NoReference(logger, customer.TenantId);
            return false;
        }

        // A new message in the chat, not a reply to whatever activity the reference was stored from.
        var reference = JsonSerializer.Deserialize<ConversationReference>(JsonSerializer.Serialize(stored.Reference, ProtocolJson.Options), ProtocolJson.Options)!;
        reference.ActivityId = null;
        var message = cards.CreateMessage(card, card.FallbackText);
        message.Locale = customer.Locale;
        try
        {
            await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(message, ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConnectorException ex)
        {
            Log.Refused(logger, customer.TenantId, (int?)ex.StatusCode ?? 0, ex.ErrorCode ?? "none");
            if (ex.IsConversationGone)
            {
                await references.SaveAsync(stored with { IsActive = false, UpdatedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(7010, LogLevel.Warning, "A billing contact of tenant {TenantId} has no active Teams conversation with the bot; the billing team is asked to tell them")]
        public static partial void NoReference(ILogger logger, string tenantId);

        [LoggerMessage(7011, LogLevel.Warning, "Teams refused a notice to a billing contact of tenant {TenantId} ({Status}, {ErrorCode}); the billing team is asked to tell them")]
        public static partial void Refused(ILogger logger, string tenantId, int status, string errorCode);
    }
}
