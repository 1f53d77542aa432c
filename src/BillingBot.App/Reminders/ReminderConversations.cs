using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Reminders;

/// <summary>
/// Finds the 1:1 chat of a billing contact with the bot (its stored reference, owner "user:{Entra object id}"), or
/// opens one: Teams creates (or finds) a personal chat from the person's Entra object id and the tenant id, at the
/// service URL of another conversation of that tenant or the configured default. The new reference is stored, so the
/// chat is opened once.
/// </summary>
public sealed class ReminderConversations(
    IConversationReferenceStore references,
    IConnectorClient connector,
    TimeProvider time,
    IOptions<ReminderOptions> options)
{
    public const string TeamsChannelId = "msteams";

    /// <summary>The owner a person's 1:1 reference is stored under, as the bot stores it when they install or write.</summary>
    public static string OwnerOf(string objectId) => "user:" + objectId;

    /// <summary>The person's chat, opened when needed. A ConnectorException from opening it propagates (403 gone included).</summary>
    public async Task<ReminderConversation> ResolveAsync(string tenantId, string objectId, CancellationToken cancellationToken)
    {
        var stored = await references.GetAsync(tenantId, OwnerOf(objectId), cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            return stored.IsActive
                ? new ReminderConversation(stored, ReminderConversationStatus.Ready)
                : new ReminderConversation(null, ReminderConversationStatus.Inactive);
        }

        // Another conversation of the tenant tells the service URL (its region) and the bot's account in it.
        var template = (await references.ListAsync(tenantId, cancellationToken).ConfigureAwait(false))
            .Where(r => r.IsActive && !string.IsNullOrEmpty(r.Reference.ServiceUrl))
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefault();
        var serviceUrl = template?.Reference.ServiceUrl ?? options.Value.DefaultServiceUrl;
        if (string.IsNullOrEmpty(serviceUrl))
        {
            return new ReminderConversation(null, ReminderConversationStatus.Unknown);
        }

        var bot = template?.Reference.Bot;
        var user = new ChannelAccount(objectId) { AadObjectId = objectId };
        var created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = bot,
            Members = [user],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } },
        }, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(created.Id))
        {
            throw new ConnectorException(null, null, "The channel created a conversation without an id.");
        }

        var reference = new StoredConversationReference(tenantId, OwnerOf(objectId), new ConversationReference
        {
            ChannelId = TeamsChannelId,
            ServiceUrl = created.ServiceUrl ?? serviceUrl,
            Bot = bot,
            User = user,
            Conversation = new ConversationAccount { Id = created.Id, TenantId = tenantId, ConversationType = "personal" },
        }, true, time.GetUtcNow());
        await references.SaveAsync(reference, cancellationToken).ConfigureAwait(false);
        return new ReminderConversation(reference, ReminderConversationStatus.Ready);
    }

    /// <summary>
    /// Marks the person's chat inactive after Teams said the bot was removed or blocked, so nothing is retried until
    /// they install the app again or write (the bot then stores an active reference). When the chat could not even be
    /// opened, an inactive reference without a conversation records that.
    /// </summary>
    public Task MarkGoneAsync(string tenantId, string objectId, StoredConversationReference? known, CancellationToken cancellationToken)
    {
        var reference = known?.Reference ?? new ConversationReference
        {
            ChannelId = TeamsChannelId,
            User = new ChannelAccount(objectId) { AadObjectId = objectId },
            Conversation = new ConversationAccount { TenantId = tenantId, ConversationType = "personal" },
        };
        return references.SaveAsync(new StoredConversationReference(tenantId, OwnerOf(objectId), reference, false, time.GetUtcNow()), cancellationToken);
    }
}
