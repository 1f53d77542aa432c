namespace BillingBot.Protocol.Authentication;

/// <summary>Gets the bearer token the bot presents to the Bot Connector; null when the bot has no identity (local dev).</summary>
public interface IAccessTokenProvider
{
    Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken);
}
