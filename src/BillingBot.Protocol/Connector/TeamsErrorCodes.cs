namespace BillingBot.Protocol.Connector;

/// <summary>Error codes the Bot Connector returns from Teams, and ours for refusals made before sending.</summary>
public static class TeamsErrorCodes
{
    public const string BotNotInConversationRoster = "BotNotInConversationRoster";
    public const string ConversationBlockedByUser = "ConversationBlockedByUser";
    public const string MessageWritesBlocked = "MessageWritesBlocked";
    public const string ConversationNotFound = "ConversationNotFound";
    public const string BotDisabledByAdmin = "BotDisabledByAdmin";
    public const string ForbiddenOperationException = "ForbiddenOperationException";
    public const string InvalidBotApiHost = "InvalidBotApiHost";
    public const string ActivityNotFoundInConversation = "ActivityNotFoundInConversation";
    public const string Throttled = "Throttled";

    /// <summary>Ours: the service URL is not trusted, so nothing was sent.</summary>
    public const string UntrustedServiceUrl = "UntrustedServiceUrl";

    /// <summary>Ours: the channel did not answer in time; the request may or may not have been applied.</summary>
    public const string Timeout = "Timeout";

    /// <summary>Ours: no token for the Bot Connector could be had from Entra (refused, failed or too slow), so nothing was sent.</summary>
    public const string TokenUnavailable = "TokenUnavailable";

    /// <summary>Ours: the channel could not be reached at all.</summary>
    public const string Unreachable = "Unreachable";
}
