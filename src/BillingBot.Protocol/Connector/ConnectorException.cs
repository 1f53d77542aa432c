using System.Net;

namespace BillingBot.Protocol.Connector;

/// <summary>A Bot Connector call failed; carries the HTTP status (null when nothing was answered) and the Teams error code.</summary>
public sealed class ConnectorException(HttpStatusCode? statusCode, string? errorCode, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>For example BotNotInConversationRoster, ConversationBlockedByUser, MessageWritesBlocked, ConversationNotFound.</summary>
    public string? ErrorCode { get; } = errorCode;

    /// <summary>The user has removed or blocked the bot: retrying is pointless until they write again.</summary>
    public bool IsConversationGone => ErrorCode is TeamsErrorCodes.BotNotInConversationRoster
        or TeamsErrorCodes.ConversationBlockedByUser or TeamsErrorCodes.MessageWritesBlocked
        or TeamsErrorCodes.ForbiddenOperationException or TeamsErrorCodes.BotDisabledByAdmin;
}
