using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.TestKit.Telemetry;

/// <summary>
/// Application Insights' ingestion endpoint on 127.0.0.1: it accepts the exporter's batches (gzip, one JSON envelope a
/// line), keeps every envelope, and lets tests await one. Live metrics pings are answered "not subscribed".
/// </summary>
public sealed class FakeApplicationInsights : IAsyncDisposable
{
    public const string InstrumentationKey = "00000000-0000-4000-8000-0000000000a1";

    private readonly Lock _gate = new();
    private readonly List<JsonObject> _envelopes = [];
    private readonly List<(Func<JsonObject, bool> Match, TaskCompletionSource<JsonObject> Found)> _waiters = [];
    private WebApplication? _app;

    public Uri Endpoint => new(_app?.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
        ?? throw new InvalidOperationException("Not started."));

    /// <summary>A connection string whose ingestion and live endpoints are this server.</summary>
    public string ConnectionString => $"InstrumentationKey={InstrumentationKey};IngestionEndpoint={Endpoint};LiveEndpoint={Endpoint}";

    /// <summary>Every envelope received so far.</summary>
    public IReadOnlyList<JsonObject> Envelopes
    {
        get
        {
            lock (_gate)
            {
                return [.. _envelopes];
            }
        }
    }

    /// <summary>Everything received so far, as the raw JSON lines the exporter sent.</summary>
    public string AllText => string.Join("\n", Envelopes.Select(e => e.ToJsonString()));

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _app = await LoopbackServer.StartAsync(HandleAsync, cancellationToken).ConfigureAwait(false);

    /// <summary>The first envelope, received already or later, of the given base type ("RequestData", "MessageData", ...) that matches.</summary>
    public Task<JsonObject> WaitForAsync(string baseType, Func<JsonObject, bool> match, TimeSpan timeout)
    {
        bool Matches(JsonObject envelope) => BaseType(envelope) == baseType && match(BaseData(envelope));
        lock (_gate)
        {
            if (_envelopes.FirstOrDefault(Matches) is { } found)
            {
                return Task.FromResult(BaseData(found));
            }

            var waiter = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((Matches, waiter));
            return waiter.Task.WaitAsync(timeout);
        }
    }

    public static string? BaseType(JsonObject envelope) => envelope["data"]?["baseType"]?.GetValue<string>();

    public static JsonObject BaseData(JsonObject envelope) => envelope["data"]?["baseData"] as JsonObject ?? [];

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/v2.1/track"))
        {
            http.Response.Headers["x-ms-qps-subscribed"] = "false";
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var body = http.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(http.Request.Body, CompressionMode.Decompress)
            : http.Request.Body;
        string text;
        using (var reader = new StreamReader(body))
        {
            text = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        }

        var received = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonNode.Parse(line) as JsonObject)
            .OfType<JsonObject>()
            .ToList();
        List<(TaskCompletionSource<JsonObject> Found, JsonObject Envelope)> ready = [];
        lock (_gate)
        {
            _envelopes.AddRange(received);
            foreach (var waiter in _waiters.ToList())
            {
                if (received.FirstOrDefault(waiter.Match) is { } envelope)
                {
                    _waiters.Remove(waiter);
                    ready.Add((waiter.Found, envelope));
                }
            }
        }

        foreach (var (found, envelope) in ready)
        {
            found.TrySetResult(BaseData(envelope));
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync($"{{\"itemsReceived\":{received.Count},\"itemsAccepted\":{received.Count},\"errors\":[]}}", http.RequestAborted).ConfigureAwait(false);
    }
}
