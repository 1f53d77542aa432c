using System.Text.Json;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;

namespace BillingBot.App.Escalations;

/// <summary>
/// Tells the customer's person who opened a ticket of a change, proactively, in the personal chat whose reference the
/// bot stored when they installed it or last wrote. Someone who cannot be reached is reported back (false), so the
/// agents can tell them another way.
/// </summary>
public sealed partial class TicketNotices(
    BotAdapter adapter,
    IConversationReferenceStore references,
    AdaptiveCardSerializer cards,
    TimeProvider time,
    ILogger<TicketNotices> logger)
{
    public async Task<bool> TellAsync(string tenantId, string objectId, AdaptiveCard card, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var stored = await references.GetAsync(tenantId, "user:" + objectId, cancellationToken).ConfigureAwait(false);
        if (stored is not { IsActive: true })
        {
            Log.NoReference(logger, tenantId);
            return false;
        }

        // A new message in the chat, not a reply to whatever activity the reference was stored from.
        var reference = JsonSerializer.Deserialize<ConversationReference>(JsonSerializer.Serialize(stored.Reference, ProtocolJson.Options), ProtocolJson.Options)!;
        reference.ActivityId = null;
        var message = cards.CreateMessage(card, card.FallbackText);
        message.Locale = language;
        try
        {
            await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(message, ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConnectorException ex)
        {
            Log.Refused(logger, tenantId, (int?)ex.StatusCode ?? 0, ex.ErrorCode ?? "none");
            if (ex.IsConversationGone)
            {
                await references.SaveAsync(stored with { IsActive = false, UpdatedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(7301, LogLevel.Warning, "The person who opened a ticket of tenant {TenantId} has no active Teams chat with the bot; the agents are asked to tell them")]
        public static partial void NoReference(ILogger logger, string tenantId);

        [LoggerMessage(7302, LogLevel.Warning, "Teams refused a ticket notice to tenant {TenantId} ({Status}, {ErrorCode}); the agents are asked to tell them")]
        public static partial void Refused(ILogger logger, string tenantId, int status, string errorCode);
    }
}
