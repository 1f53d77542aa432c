using System.Globalization;

namespace BillingBot.Bench;

/// <summary>Starts the servers under measurement, each a process of its own on 127.0.0.1.</summary>
public sealed class Servers(RepoPaths paths, AzuriteProcess azurite)
{
    public const string AppId = "4a1b2c3d-0000-4000-8000-0000000be7c4";

    /// <summary>The table prefix of the last bot started (the floor reads that bot's seeded rows).</summary>
    public string LastTablePrefix { get; private set; } = string.Empty;

    /// <summary>Our bot: the app as Program.cs composes it (see BillingBot.Bench.Host).</summary>
    public Task<ChildProcess> OursAsync(bool auth, bool memoryState, Uri? openIdMetadata, IDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Storage"] = azurite.TableConnectionString,
            ["Storage__TablePrefix"] = LastTablePrefix = "b" + Guid.NewGuid().ToString("N")[..10],
            ["Reminders__Enabled"] = "false",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = string.Empty,
            ["MicrosoftAppId"] = auth ? AppId : string.Empty,
            ["MicrosoftAppPassword"] = auth ? "bench-secret-not-real" : string.Empty,
        };
        if (auth)
        {
            environment["BotAuthentication__OpenIdMetadataUrl"] = openIdMetadata!.ToString();
            environment["BotAuthentication__RequireHttpsMetadata"] = "false";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        List<string> args = [paths.BotHost, "--port", "0", "--state", memoryState ? "memory" : "tables", "--seed", "--tenants", BenchCommand.Tenants.ToString(CultureInfo.InvariantCulture)];
        if (auth)
        {
            args.Add("--static-token");
        }

        return ChildProcess.StartAsync("ours", "dotnet", args, environment, "ready ", TimeSpan.FromSeconds(120), paths.Root);
    }

    /// <summary>The peer: the same help turn on the Bot Framework SDK for JavaScript (bench/peer).</summary>
    public Task<ChildProcess> PeerAsync(bool blobs, string replyFile) =>
        ChildProcess.StartAsync("peer", "node",
            [paths.PeerScript, "--port", FreePort(), "--state", blobs ? "blobs" : "memory",
             "--blob-connection-string", azurite.BlobConnectionString, "--container", "peer" + Guid.NewGuid().ToString("N")[..8],
             "--reply-file", replyFile],
            new Dictionary<string, string?>(), "ready ", TimeSpan.FromSeconds(60), Path.GetDirectoryName(paths.PeerScript));

    /// <summary>The floor: turn (b)'s I/O and nothing else (bench/BillingBot.Bench.Floor).</summary>
    public Task<ChildProcess> FloorAsync(string tablePrefix, string replyFile) =>
        ChildProcess.StartAsync("floor", "dotnet", [paths.Floor, "--port", "0", "--reply-file", replyFile],
            new Dictionary<string, string?>
            {
                ["ConnectionStrings__Storage"] = azurite.TableConnectionString,
                ["Storage__TablePrefix"] = tablePrefix,
            }, "ready ", TimeSpan.FromSeconds(60), paths.Root);

    private static string FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
