using BillingBot.App.Suspensions;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Staff;

/// <summary>
/// Finds who a Teams @mention is: mentions carry the person's Teams id ("29:…"), and the staff is kept by Entra object
/// id, so the bot asks the conversation for that member (the connector's get-member call), which answers with the
/// aadObjectId and name.
/// </summary>
public sealed partial class TeamsMembers(IConnectorClient connector, ILogger<TeamsMembers> logger)
{
    /// <summary>The mentioned person with their Entra object id, or null when Teams does not know them here.</summary>
    public async Task<ChannelAccount?> ResolveAsync(Activity activity, ChannelAccount mentioned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(mentioned);
        if (mentioned.AadObjectId is { Length: > 0 } known && Guid.TryParse(known, out _))
        {
            return mentioned;
        }

        if (activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.Conversation?.Id is not { Length: > 0 } conversationId || mentioned.Id is not { Length: > 0 } memberId)
        {
            return null;
        }

        try
        {
            var member = await connector.GetConversationMemberAsync(serviceUrl, AgentsChannel.ChannelOf(conversationId), memberId, cancellationToken).ConfigureAwait(false);
            if (member.AadObjectId is { Length: > 0 } objectId && Guid.TryParse(objectId, out _))
            {
                return member;
            }

            Log.NoObjectId(logger);
            return null;
        }
        catch (ConnectorException ex)
        {
            Log.NotFound(logger, (int?)ex.StatusCode ?? 0, ex.ErrorCode ?? "none");
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(7160, LogLevel.Warning, "A person mentioned in a staff command could not be looked up in Teams ({Status}, {ErrorCode})")]
        public static partial void NotFound(ILogger logger, int status, string errorCode);

        [LoggerMessage(7161, LogLevel.Warning, "A person mentioned in a staff command has no Entra object id in Teams (a guest or a bot?)")]
        public static partial void NoObjectId(ILogger logger);
    }
}
