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
/// the channel's team (owner "conversation:{channel id}"). A post starts a new thread in the channel; a reply goes into
/// a thread ("{channel id};messageid={root id}"). Which channel is the agents' channel comes from
/// <see cref="IAgentsChannelChoice"/> (picked in Teams, or configured). When there is none, the bot is not installed
/// there or Teams refuses, it says so in the log and returns nothing, so the caller can keep what it wanted to post.
/// </summary>
public sealed partial class AgentsChannel(
    BotAdapter adapter,
    IConversationReferenceStore references,
    IAgentsChannelChoice choice,
    TimeProvider time,
    IOptions<AgentsChannelOptions> options,
    ILogger<AgentsChannel> logger)
{
    private const string ThreadMarker = ";messageid=";

    public AgentsChannelOptions Options => options.Value;

    /// <summary>The agents' channel in use now, or null when none is picked or configured.</summary>
    public Task<AgentsChannelTarget?> TargetAsync(CancellationToken cancellationToken) => choice.CurrentAsync(cancellationToken);

    /// <summary>The sales agents' channel: the configured one, else the agents' channel itself.</summary>
    public async Task<string?> SalesChannelIdAsync(CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(Options.SalesChannelId)
            ? Options.SalesChannelId.Trim()
            : (await TargetAsync(cancellationToken).ConfigureAwait(false))?.ChannelId;

    /// <summary>The channel of a channel conversation id: the id itself, or the part before ";messageid=" for a thread.</summary>
    public static string ChannelOf(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var marker = conversationId.IndexOf(ThreadMarker, StringComparison.Ordinal);
        return marker < 0 ? conversationId : conversationId[..marker];
    }

    /// <summary>The conversation id of the thread that a posted message started.</summary>
    public static string ThreadOf(PostedMessage root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return ChannelOf(root.ConversationId) + ThreadMarker + root.ActivityId;
    }

    /// <summary>
    /// Posts a message as a new thread in the agents' channel, or in <paramref name="channelId"/> of the same team;
    /// null when it could not be posted (logged as a warning).
    /// </summary>
    public async Task<PostedMessage?> PostAsync(Activity activity, string what, CancellationToken cancellationToken, string? channelId = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (await ReferenceAsync(what, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        return await SendAsync(found.Stored, Addressed(found.Stored.Reference, channelId ?? found.Target.ChannelId), activity, what, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replies in a thread of the agents' channel (its conversation id carries ";messageid="); null when it could not.</summary>
    public async Task<PostedMessage?> ReplyInThreadAsync(string threadConversationId, Activity activity, string what, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadConversationId);
        ArgumentNullException.ThrowIfNull(activity);
        if (await ReferenceAsync(what, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        return await SendAsync(found.Stored, Addressed(found.Stored.Reference, threadConversationId), activity, what, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces a message posted earlier; false when it could not be (logged as a warning).</summary>
    public async Task<bool> UpdateAsync(PostedMessage message, Activity activity, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(activity);
        if (await ReferenceAsync(what, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return false;
        }

        var reference = Addressed(found.Stored.Reference, message.ConversationId);
        activity.Id = message.ActivityId;
        activity.Locale ??= Options.Culture.Name;
        try
        {
            await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.UpdateActivityAsync(activity, ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConnectorException ex)
        {
            await RefusedAsync(found.Stored, what, ex, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    private async Task<PostedMessage?> SendAsync(StoredConversationReference stored, ConversationReference reference, Activity activity, string what, CancellationToken cancellationToken)
    {
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

    private async Task<(AgentsChannelTarget Target, StoredConversationReference Stored)?> ReferenceAsync(string what, CancellationToken cancellationToken)
    {
        if (await TargetAsync(cancellationToken).ConfigureAwait(false) is not { } target)
        {
            Log.NotConfigured(logger, what);
            return null;
        }

        var stored = await references.GetAsync(target.TenantId, "conversation:" + target.ChannelId, cancellationToken).ConfigureAwait(false);
        if (stored is not { IsActive: true })
        {
            Log.NotInstalled(logger, what, target.ChannelId);
            return null;
        }

        return (target, stored);
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
        [LoggerMessage(7001, LogLevel.Warning, "No agents' channel is picked or configured (Agents:TenantId, Agents:ChannelId): {What} is kept, not posted")]
        public static partial void NotConfigured(ILogger logger, string what);

        [LoggerMessage(7002, LogLevel.Warning, "The bot is not installed in the agents' channel {ChannelId} (add it to the channel's team): {What} is kept, not posted")]
        public static partial void NotInstalled(ILogger logger, string what, string channelId);

        [LoggerMessage(7003, LogLevel.Warning, "Teams refused {What} in the agents' channel ({Status}, {ErrorCode}); it is kept")]
        public static partial void Refused(ILogger logger, string what, int status, string errorCode);
    }
}
