namespace BillingBot.Protocol.Authentication;

/// <summary>An inbound request failed authentication; the message is for the log, never for the caller.</summary>
public sealed class BotAuthenticationException(string reason, Exception? inner = null) : Exception(reason, inner);
