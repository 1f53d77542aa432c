using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace BillingBot.Protocol.Connector;

/// <summary>
/// The Bot Connector client: a typed HttpClient whose retries and timeouts come from the resilience handler
/// registered with it. A token is attached (by <see cref="ConnectorTokenHandler"/>, within each attempt's time limit)
/// only for trusted service URLs; any other URL is refused before a byte is sent.
/// Every write into a conversation waits for its turn under Teams' rate limits (<see cref="ConnectorRateLimiter"/>);
/// member reads are not shaped (Teams allows them twice the rate, and a turn makes at most one).
/// </summary>
public sealed partial class ConnectorClient(
    HttpClient http,
    TrustedServiceUrls trustedServiceUrls,
    ConnectorRateLimiter rateLimiter,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, ConnectorTarget.ForActivity(conversationId, activity), cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, ConnectorTarget.ForActivity(conversationId, activity), cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, ConnectorTarget.ForActivity(conversationId, activity), cancellationToken);

    /// <remarks>A delete names no tenant: the limiter uses the one it last saw for the conversation, if any.</remarks>
    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        SendAsync<JsonElement?>(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", null, new ConnectorTarget(conversationId, null), cancellationToken);

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        var target = ConnectorTarget.ForNewConversation(parameters);
        var created = await SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, target, cancellationToken).ConfigureAwait(false);
        if (created.Id is { Length: > 0 } id)
        {
            rateLimiter.RecordCreated(id, target.TenantId);
        }

        return created;
    }

    public Task<ChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        SendAsync<ChannelAccount>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", null, null, cancellationToken);

    // Conversation ids carry ':', '@' and ';', which must not be read as URL syntax.
    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private async Task<T> SendAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, ConnectorTarget? target, CancellationToken cancellationToken)
    {
        if (!trustedServiceUrls.IsTrusted(serviceUrl))
        {
            Log.Untrusted(logger, method.Method, serviceUrl);
            throw new ConnectorException(null, TeamsErrorCodes.UntrustedServiceUrl, $"The service URL '{serviceUrl}' is not trusted; nothing was sent.");
        }

        // Held until the call and its retries are over; the rate-limiting handler books each attempt's send time.
        using var admission = target is null ? null : await rateLimiter.AdmitAsync(target, cancellationToken).ConfigureAwait(false);
        var uri = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ProtocolJson.Options);
        }

        if (admission is not null)
        {
            request.Options.Set(ConnectorRateLimitingHandler.TargetOption, admission.Target);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (request.Options.TryGetValue(ConnectorTokenHandler.TokenPendingOption, out var pending) && pending)
            {
                // Out of time while waiting for our own token: nothing was sent.
                Log.Failed(logger, method.Method, path, null, TeamsErrorCodes.TokenUnavailable);
                throw new ConnectorException(null, TeamsErrorCodes.TokenUnavailable, "No token for the Bot Connector came in time; nothing was sent.", ex);
            }

            Log.Failed(logger, method.Method, path, null, TeamsErrorCodes.Timeout);
            throw new ConnectorException(null, TeamsErrorCodes.Timeout, "The channel did not answer in time.", ex);
        }
        catch (ConnectorException ex)
        {
            Log.Failed(logger, method.Method, path, null, ex.ErrorCode);
            throw;
        }
        catch (HttpRequestException ex)
        {
            Log.Failed(logger, method.Method, path, null, TeamsErrorCodes.Unreachable);
            throw new ConnectorException(null, TeamsErrorCodes.Unreachable, "The channel could not be reached.", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                Log.Failed(logger, method.Method, path, (int)response.StatusCode, error.Code);
                throw new ConnectorException(response.StatusCode, error.Code, error.Message ?? $"The channel answered {(int)response.StatusCode}.");
            }

            if (typeof(T) == typeof(JsonElement?) || response.Content.Headers.ContentLength == 0 || response.StatusCode == HttpStatusCode.NoContent)
            {
                return default!;
            }

            var result = await response.Content.ReadFromJsonAsync<T>(ProtocolJson.Options, cancellationToken).ConfigureAwait(false);
            return result ?? throw new ConnectorException(response.StatusCode, null, "The channel answered with an empty body.");
        }
    }

    private static async Task<(string? Code, string? Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return ConnectorErrorParser.Parse(text);
        }
        catch (HttpRequestException)
        {
            return (null, null);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2001, LogLevel.Warning, "Refused to call {Method} on an untrusted service URL {ServiceUrl}")]
        public static partial void Untrusted(ILogger logger, string method, string serviceUrl);

        [LoggerMessage(2002, LogLevel.Warning, "Connector call {Method} {Path} failed: status {Status}, code {ErrorCode}")]
        public static partial void Failed(ILogger logger, string method, string path, int? status, string? errorCode);
    }
}
