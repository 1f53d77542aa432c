using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BillingBot.Bench;

/// <summary>
/// The Teams channel as cheap as it can be: Kestrel on 127.0.0.1 answering every connector call at once (201 with a
/// fixed id for a posted activity, 200 otherwise) after draining the body. It only counts, so it cannot be the
/// bottleneck; the benchmark measures its capacity in the same run to show it.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private static readonly byte[] Created = """{"id":"1:bench"}"""u8.ToArray();
    private static readonly byte[] Empty = "{}"u8.ToArray();
    private readonly WebApplication _app;
    private long _posts;
    private long _others;
    private TaskCompletionSource<string>? _capture;

    private FakeChannel(WebApplication app) => _app = app;

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Activities posted (replies and proactive messages).</summary>
    public long Posts => Interlocked.Read(ref _posts);

    /// <summary>Every other call (updates, member look-ups, new conversations).</summary>
    public long Others => Interlocked.Read(ref _others);

    /// <summary>The body of the next activity posted (to hand the peer the very reply our bot sends).</summary>
    public Task<string> CaptureNextPostAsync()
    {
        var capture = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _capture, capture);
        return capture.Task;
    }

    public static async Task<FakeChannel> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = null;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var channel = new FakeChannel(app);
        app.Run(channel.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        channel.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var isPost = HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Value?.Contains("/activities", StringComparison.Ordinal) == true;
        if (isPost && Interlocked.Exchange(ref _capture, null) is { } capture)
        {
            using var reader = new StreamReader(context.Request.Body);
            capture.TrySetResult(await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false));
        }

        // Drain the body so the client's write completes as it would against Teams.
        var body = context.Request.BodyReader;
        while (true)
        {
            var read = await body.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            body.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        context.Response.ContentType = "application/json";
        if (isPost)
        {
            Interlocked.Increment(ref _posts);
            context.Response.StatusCode = StatusCodes.Status201Created;
            await context.Response.Body.WriteAsync(Created, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            Interlocked.Increment(ref _others);
            context.Response.StatusCode = StatusCodes.Status200OK;
            await context.Response.Body.WriteAsync(Empty, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
