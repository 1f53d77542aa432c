using System.Text.Json;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;

namespace BillingBot.App.Bot;

/// <summary>
/// Writes to one customer's person proactively, in their personal chat with the bot, from the reference stored when
/// they installed it or last wrote (owner "user:{object id}"): hand-off relays, ticket notices, suspension notices.
/// False when they cannot be reached: no reference, or Teams refused (a chat that is gone is marked unreachable until
/// they write again); the caller decides who is told instead.
/// </summary>
public sealed partial class CustomerChat(
    BotAdapter adapter,
    IConversationReferenceStore references,
    TimeProvider time,
    ILogger<CustomerChat> logger)
{
    public async Task<bool> SendAsync(string tenantId, string userObjectId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var stored = await references.GetAsync(tenantId, "user:" + userObjectId, cancellationToken).ConfigureAwait(false);
        if (stored is not { IsActive: true })
        {
            Log.NoReference(logger, tenantId);
            return false;
        }

        // A new message in the chat, not a reply to whatever activity the reference was stored from.
        var reference = JsonSerializer.Deserialize<ConversationReference>(JsonSerializer.Serialize(stored.Reference, ProtocolJson.Options), ProtocolJson.Options)!;
        reference.ActivityId = null;
        try
        {
            await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(activity, ct), cancellationToken).ConfigureAwait(false);
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
        [LoggerMessage(7201, LogLevel.Warning, "A person of tenant {TenantId} has no active Teams chat with the bot; the message could not be delivered")]
        public static partial void NoReference(ILogger logger, string tenantId);

        [LoggerMessage(7202, LogLevel.Warning, "Teams refused a message to a person of tenant {TenantId} ({Status}, {ErrorCode})")]
        public static partial void Refused(ILogger logger, string tenantId, int status, string errorCode);
    }
}
