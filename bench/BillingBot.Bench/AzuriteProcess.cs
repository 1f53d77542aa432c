using System.Net;
using System.Net.Sockets;

namespace BillingBot.Bench;

/// <summary>
/// Azurite's blob and table services in one in-memory process on 127.0.0.1 (tables for our bot and the floor, blobs
/// for the peer's BlobsStorage), from the repository's Node tools; no telemetry leaves the machine.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ChildProcess _process;

    private AzuriteProcess(ChildProcess process, int tablePort, int blobPort)
    {
        _process = process;
        TablePort = tablePort;
        BlobPort = blobPort;
    }

    public int TablePort { get; }

    public int BlobPort { get; }

    public ProcessMeter Meter => _process.Meter;

    public string TableConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public string BlobConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};";

    public static async Task<AzuriteProcess> StartAsync(string repoRoot)
    {
        var script = Path.Combine(repoRoot, "tools", "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script}); run tools/ensure-tools.sh.");
        }

        var table = FreePort();
        var blob = FreePort();
        var queue = FreePort();
        // BENCH_AZURITE_DEBUG=<file>: Azurite logs every request there (to see what a turn reads and writes).
        var debug = Environment.GetEnvironmentVariable("BENCH_AZURITE_DEBUG");
        var process = await ChildProcess.StartAsync("azurite", "node",
            [script, .. string.IsNullOrEmpty(debug) ? Array.Empty<string>() : ["--debug", debug], "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
             "--tableHost", "127.0.0.1", "--tablePort", Port(table),
             "--blobHost", "127.0.0.1", "--blobPort", Port(blob),
             "--queueHost", "127.0.0.1", "--queuePort", Port(queue)],
            new Dictionary<string, string?>(), "Azurite Table service is successfully listening", TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return new AzuriteProcess(process, table, blob);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
