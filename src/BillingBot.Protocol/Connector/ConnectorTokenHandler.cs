using System.Net.Http.Headers;
using BillingBot.Protocol.Authentication;
using Microsoft.Extensions.Logging;

namespace BillingBot.Protocol.Connector;

/// <summary>
/// Attaches the bot's token to each attempt, inside the resilience pipeline: getting it counts against the attempt's and
/// the call's time limits, so a slow or silent Entra cannot hold a send (and a reminder's claim) beyond
/// <see cref="ConnectorOptions.TotalTimeout"/>. A token that cannot be had ends the call with
/// <see cref="TeamsErrorCodes.TokenUnavailable"/> before anything is sent.
/// </summary>
internal sealed partial class ConnectorTokenHandler(IAccessTokenProvider tokens, ILogger<ConnectorTokenHandler> logger) : DelegatingHandler
{
    /// <summary>True on a request while its token is being fetched: a timeout then means nothing was sent.</summary>
    public static readonly HttpRequestOptionsKey<bool> TokenPendingOption = new("BillingBot.Connector.TokenPending");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(TokenPendingOption, true);
        string? token;
        try
        {
            token = await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // MSAL has already retried what it retries; refusals (a wrong secret) and outages end here.
            Log.TokenFailed(logger, ex.GetType().Name);
            throw new ConnectorException(null, TeamsErrorCodes.TokenUnavailable, "No token for the Bot Connector could be had; nothing was sent.", ex);
        }

        request.Options.Set(TokenPendingOption, false);
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(2004, LogLevel.Error, "No token for the Bot Connector could be had ({ExceptionType}); nothing was sent")]
        public static partial void TokenFailed(ILogger logger, string exceptionType);
    }
}
