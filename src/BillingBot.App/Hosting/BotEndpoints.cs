using System.Text.Json;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;

namespace BillingBot.App.Hosting;

/// <summary>The messaging endpoint Teams posts activities to, and the health endpoint.</summary>
public static class BotEndpoints
{
    /// <summary>The messaging endpoint, as registered in the Azure Bot.</summary>
    public const string MessagesPath = "/api/messages";

    /// <summary>The health endpoint (storage reachable), as App Service's health check probes it.</summary>
    public const string HealthPath = "/healthz";

    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(MessagesPath, HandleAsync);
        endpoints.MapHealthChecks(HealthPath);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, BotAdapter adapter, IBot bot)
    {
        var request = new InboundRequest(
            http.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
            http.Request.ContentType,
            http.Request.ContentLength,
            http.Connection.RemoteIpAddress,
            http.Request.Body);
        var result = await adapter.ProcessAsync(request, bot, http.RequestAborted).ConfigureAwait(false);
        http.Response.StatusCode = result.StatusCode;
        if (result.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, result.Body, result.Body.GetType(), ProtocolJson.Options, http.RequestAborted).ConfigureAwait(false);
        }
    }
}
