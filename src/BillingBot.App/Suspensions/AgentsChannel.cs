using System.Text.Json;
using BillingBot.Billing.Suspensions;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Suspensions;

/// <summary>
/// Writes into the partner's agents' channel proactively, from the reference the bot stored when it was installed in
/// the channel's team (owner "conversation:{channel id}"). A post starts a new thread in the channel. When the channel
/// is not configured, the bot is not installed there or Teams refuses, it says so in the log and returns nothing, so
/// the caller can keep what it wanted to post.
/// </summary>
public sealed partial class AgentsChannel(
    BotAdapter adapter,
    IConversationReferenceStore references,
    TimeProvider time,
    IOptions<AgentsChannelOptions> options,
    ILogger<AgentsChannel> logger)
{
    public AgentsChannelOptions Options => options.Value;

    /// <summary>Posts a message as a new thread; null when it could not be posted (logged as a warning).</summary>
    public async Task<PostedMessage?> PostAsync(Activity activity, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (await ReferenceAsync(what, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        var reference = Addressed(stored.Reference, Options.ChannelId!);
        activity.Locale ??= Options.Culture.Name;
        try
        {
            ResourceResponse? response = null;
            await adapter.ContinueConversationAsync(reference, async (turn, ct) => response = await turn.SendActivityAsync(activity, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return response?.Id is { Length: > 0 } id ? new PostedMessage(reference.Conversation!.Id!, id) : null;
        }
        catch (ConnectorException ex)
        {
            await RefusedAsync(stored, what, ex, cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Replaces a message posted earlier; false when it could not be (logged as a warning).</summary>
    public async Task<bool> UpdateAsync(PostedMessage message, Activity activity, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(activity);
        if (await ReferenceAsync(what, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return false;
        }

        var reference = Addressed(stored.Reference, message.ConversationId);
        activity.Id = message.ActivityId;
        activity.Locale ??= Options.Culture.Name;
        try
        {
            await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.UpdateActivityAsync(activity, ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConnectorException ex)
        {
            await RefusedAsync(stored, what, ex, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    private async Task<StoredConversationReference?> ReferenceAsync(string what, CancellationToken cancellationToken)
    {
        var settings = Options;
        if (!settings.IsConfigured)
        {
            Log.NotConfigured(logger, what);
            return null;
        }

        var stored = await references.GetAsync(settings.TenantId!, "conversation:" + settings.ChannelId, cancellationToken).ConfigureAwait(false);
        if (stored is not { IsActive: true })
        {
            Log.NotInstalled(logger, what, settings.ChannelId!);
            return null;
        }

        return stored;
    }

    private async Task RefusedAsync(StoredConversationReference stored, string what, ConnectorException ex, CancellationToken cancellationToken)
    {
        Log.Refused(logger, what, (int?)ex.StatusCode ?? 0, ex.ErrorCode ?? "none");
        if (ex.IsConversationGone)
        {
            // The bot was removed from the team: stop trying until it is installed again (which stores the reference anew).
            await references.SaveAsync(stored with { IsActive = false, UpdatedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A copy of the team's reference that addresses the given channel conversation and replies to nothing.</summary>
    private static ConversationReference Addressed(ConversationReference stored, string conversationId)
    {
        var copy = JsonSerializer.Deserialize<ConversationReference>(JsonSerializer.Serialize(stored, ProtocolJson.Options), ProtocolJson.Options)!;
        copy.ActivityId = null;
        copy.Conversation ??= new ConversationAccount();
        copy.Conversation.Id = conversationId;
        return copy;
    }

    private static partial class Log
    {
        [LoggerMessage(7001, LogLevel.Warning, "The agents' channel is not configured (Agents:TenantId, Agents:ChannelId): {What} is kept, not posted")]
        public static partial void NotConfigured(ILogger logger, string what);

        [LoggerMessage(7002, LogLevel.Warning, "The bot is not installed in the agents' channel {ChannelId} (add it to the channel's team): {What} is kept, not posted")]
        public static partial void NotInstalled(ILogger logger, string what, string channelId);

        [LoggerMessage(7003, LogLevel.Warning, "Teams refused {What} in the agents' channel ({Status}, {ErrorCode}); it is kept")]
        public static partial void Refused(ILogger logger, string what, int status, string errorCode);
    }
}
