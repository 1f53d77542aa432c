using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Reminders;

/// <summary>
/// Finds the 1:1 chat of a billing contact with the bot (its stored reference, owner "user:{Entra object id}"), or
/// opens one: Teams creates (or finds) a personal chat from the person's Entra object id and the tenant id, at the
/// service URL of another conversation of that tenant or the configured default. The new reference is stored (unless an
/// install stored the person's chat meanwhile, which then stands), so the chat is opened once.
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
    /// <remarks>
    /// The person may be installing the app at this very moment, and the install stores their chat: a lookup that found
    /// nothing is not the last word. The tenant's references (read next) may already hold it; a create that fails or
    /// times out is followed by another look (a channel may refuse to create a chat it has: the Agents Playground
    /// answers 500); and the chat opened here is stored only when none is stored yet, else the stored one is used.
    /// </remarks>
    public async Task<ReminderConversation> ResolveAsync(string tenantId, string objectId, CancellationToken cancellationToken)
    {
        var owner = OwnerOf(objectId);
        var stored = await references.GetAsync(tenantId, owner, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            return Of(stored);
        }

        // Another conversation of the tenant tells the service URL (its region) and the bot's account in it.
        var tenantReferences = await references.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (tenantReferences.FirstOrDefault(r => r.Owner == owner) is { } arrived)
        {
            return Of(arrived);
        }

        var template = tenantReferences
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
        ConversationResourceResponse created;
        try
        {
            created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
            {
                IsGroup = false,
                Bot = bot,
                Members = [user],
                TenantId = tenantId,
                ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (!ex.IsConversationGone)
        {
            if (await references.GetAsync(tenantId, owner, cancellationToken).ConfigureAwait(false) is { } installed)
            {
                return Of(installed);
            }

            throw;
        }

        if (string.IsNullOrEmpty(created.Id))
        {
            throw new ConnectorException(null, null, "The channel created a conversation without an id.");
        }

        var opened = new StoredConversationReference(tenantId, owner, new ConversationReference
        {
            ChannelId = TeamsChannelId,
            ServiceUrl = created.ServiceUrl ?? serviceUrl,
            Bot = bot,
            User = user,
            Conversation = new ConversationAccount { Id = created.Id, TenantId = tenantId, ConversationType = "personal" },
        }, true, time.GetUtcNow());
        return Of(await references.AddAsync(opened, cancellationToken).ConfigureAwait(false));
    }

    private static ReminderConversation Of(StoredConversationReference stored) => stored.IsActive
        ? new ReminderConversation(stored, ReminderConversationStatus.Ready)
        : new ReminderConversation(null, ReminderConversationStatus.Inactive);

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
