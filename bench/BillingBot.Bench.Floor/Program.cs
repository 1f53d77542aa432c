using System.Globalization;
using System.Net;
using BillingBot.Bench.Floor;

// The floor under the invoice-status turn: what that turn must do on the wire, and nothing else. Listens on
// 127.0.0.1:<--port>; storage from ConnectionStrings__Storage with the table prefix of the bot whose data it reads
// (Storage__TablePrefix); the reply body from --reply-file. Prints "ready <url>"; exits when standard input closes.
var port = 0;
string? replyFile = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port":
            port = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--reply-file":
            replyFile = args[++i];
            break;
        default:
            throw new ArgumentException($"Unknown argument '{args[i]}'.");
    }
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port));
builder.Services.AddSingleton(new StatusTurnIo(
    builder.Configuration.GetConnectionString("Storage") ?? throw new InvalidOperationException("ConnectionStrings__Storage is not set."),
    builder.Configuration["Storage:TablePrefix"] ?? string.Empty,
    replyFile is null ? null : await File.ReadAllBytesAsync(replyFile)));
builder.Services.AddHttpClient(StatusTurnIo.ChannelClient).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
var app = builder.Build();
app.MapPost("/api/messages", (HttpContext context, StatusTurnIo io, IHttpClientFactory clients) => io.HandleAsync(context, clients.CreateClient(StatusTurnIo.ChannelClient)));
await app.StartAsync();
Console.WriteLine($"ready {app.Urls.First()}");
await Console.In.ReadToEndAsync();
await app.StopAsync();
