using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace BillingBot.TestKit.Azurite;

/// <summary>
/// Runs a private Azurite Table service (in-memory, on a free loopback port) for the lifetime of
/// an xUnit fixture. Each instance gets its own process, so test classes do not share data.
/// <see cref="StopAsync"/> / <see cref="StartAsync"/> take the service down and bring it back on
/// the same port (with empty storage) for fault-injection tests.
/// </summary>
/// <remarks>
/// Azurite comes from <c>tools/node_modules</c>; it is installed on first use (see
/// <c>tools/ensure-tools.sh</c>), which needs Node.js 20+ and npm on PATH.
/// </remarks>
public sealed class AzuriteFixture : IAsyncLifetime, IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development account key (public; it only opens the emulator).</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Azurite is ready in about half a second; 30 s only guards against a wedged start.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    // A free port is found by binding port 0 and releasing it, so another process can take it
    // before Azurite binds; a few fresh ports make that race harmless.
    private const int PortAttempts = 3;

    // Loaded into node before Azurite: exit when stdin reaches EOF. We hold the write end of
    // that pipe, so if the test host dies without disposing us (crash, kill -9, a stopped
    // debugger) the OS closes it and Azurite goes too instead of lingering on a port.
    private const string ExitWithParentModule =
        "data:text/javascript,process.stdin.on('end',()=>process.exit(0)).resume()";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _process;
    private int _port;
    private bool _disposed;

    /// <summary>The loopback TCP port of the Table endpoint; fixed for the fixture's lifetime.</summary>
    public int Port => _port != 0
        ? _port
        : throw new InvalidOperationException("Azurite has not been started; call InitializeAsync or StartAsync first.");

    /// <summary><c>http://127.0.0.1:{Port}/devstoreaccount1</c>.</summary>
    public Uri TableEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    /// <summary>A storage connection string for the emulator (Table endpoint only).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};";

    /// <summary>Node's heap limit for Azurite in MiB; null keeps Node's default (a few GiB), too little for millions of rows.</summary>
    public int? MaxHeapMegabytes { get; init; }

    /// <summary>A folder where Azurite keeps its data on disk; null (the default) keeps it in memory.</summary>
    public string? Location { get; init; }

    /// <summary>The process id of the running Azurite, or null.</summary>
    public int? ProcessId => _process is { HasExited: false } running ? running.Id : null;

    /// <summary>Whether the Azurite process is currently running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    public Task InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>
    /// Starts Azurite and returns once it answers HTTP. The first start picks a free port; later
    /// starts (after <see cref="StopAsync"/>) reuse it. Does nothing if it is already running.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (IsRunning)
            {
                return;
            }

            var tools = await NodeTools.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);

            if (_port != 0)
            {
                // A restart must keep the port (clients hold the connection string), so losing
                // it to another process is an error rather than a reason to move.
                var restarted = await TryLaunchAsync(tools, _port, MaxHeapMegabytes, Location, cancellationToken).ConfigureAwait(false);
                _process = restarted.Process
                    ?? throw new InvalidOperationException(
                        $"Could not restart Azurite: port {_port} is now used by another process.{Environment.NewLine}{restarted.Output}");
                return;
            }

            OutputTail? lastOutput = null;
            for (var attempt = 0; attempt < PortAttempts; attempt++)
            {
                var port = PickFreeLoopbackPort();
                var launched = await TryLaunchAsync(tools, port, MaxHeapMegabytes, Location, cancellationToken).ConfigureAwait(false);
                if (launched.Process is not null)
                {
                    _process = launched.Process;
                    _port = port;
                    return;
                }

                lastOutput = launched.Output;
            }

            throw new InvalidOperationException(
                $"Azurite could not get a free port in {PortAttempts} attempts.{Environment.NewLine}{lastOutput}");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Kills Azurite and waits until it has exited, so its port refuses connections when this
    /// returns. In-memory data is lost. Does nothing if it is not running.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopCoreAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await StopCoreAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StopCoreAsync()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            await KillAsync(process).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts Azurite on <paramref name="port"/> and waits until it answers. Returns a null
    /// process if the port turned out to be taken; throws for any other failure.
    /// </summary>
    private static async Task<(Process? Process, OutputTail Output)> TryLaunchAsync(
        NodeToolPaths tools, int port, int? maxHeapMegabytes, string? location, CancellationToken cancellationToken)
    {
        var output = new OutputTail();
        var startInfo = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // With --inMemoryPersistence nothing should be written, but Azurite defaults its
            // workspace to the cwd; keep any stray file out of the repo.
            WorkingDirectory = Path.GetTempPath(),
        };
        var arguments = new List<string>();
        if (maxHeapMegabytes is { } heap)
        {
            arguments.Add("--max-old-space-size=" + heap.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        arguments.AddRange(
        [
            "--import", ExitWithParentModule,
            tools.AzuriteTableScript,
            "--tableHost", "127.0.0.1",
            "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--disableTelemetry",
            "--silent",
        ]);
        arguments.AddRange(location is null ? ["--inMemoryPersistence"] : ["--location", location]);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => output.Add("out", e.Data);
        process.ErrorDataReceived += (_, e) => output.Add("err", e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException("Could not start 'node'; Node.js 20+ must be on PATH to run Azurite.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var ready = false;
        try
        {
            var stopwatch = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    // Let the output readers drain so the message below is complete.
                    await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                    if (output.Contains("EADDRINUSE"))
                    {
                        return (null, output);
                    }

                    throw new InvalidOperationException(
                        $"Azurite exited with code {process.ExitCode} before it was ready on 127.0.0.1:{port}."
                        + $"{Environment.NewLine}{output}");
                }

                if (await AnswersAsAzuriteAsync(port, cancellationToken).ConfigureAwait(false))
                {
                    ready = true;
                    return (process, output);
                }

                if (stopwatch.Elapsed > ReadyTimeout)
                {
                    throw new TimeoutException(
                        $"Azurite did not answer on 127.0.0.1:{port} within {ReadyTimeout.TotalSeconds:0}s."
                        + $"{Environment.NewLine}{output}");
                }

                await Task.Delay(PollDelay, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (!ready)
            {
                await KillAsync(process).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One readiness probe: a raw TCP connect plus a minimal HTTP GET. Any status counts (Azurite
    /// answers 403 without a signature), but the <c>Server</c> header must name Azurite: until
    /// our process has bound the port, whoever else took it could be the one answering.
    /// </summary>
    private static async Task<bool> AnswersAsAzuriteAsync(int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using var client = new TcpClient(AddressFamily.InterNetwork);
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            var request = Encoding.ASCII.GetBytes(
                $"GET /{AccountName}/Tables HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(request, timeout.Token).ConfigureAwait(false);

            // Headers only; a few KB is plenty and bounds the read.
            var buffer = new byte[8192];
            var length = 0;
            while (length < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0)
                {
                    break;
                }
            }

            var head = Encoding.ASCII.GetString(buffer, 0, length);
            return head.StartsWith("HTTP/1.", StringComparison.Ordinal)
                && head.Contains("\r\nServer: Azurite", StringComparison.OrdinalIgnoreCase);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // this probe timed out; the caller's deadline decides when to give up
        }
        catch (SocketException)
        {
            return false; // not listening yet
        }
        catch (IOException)
        {
            return false; // connection reset while starting
        }
    }

    private static int PickFreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task KillAsync(Process process)
    {
        try
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }

            // Waiting (rather than returning after the signal) is what makes "stopped" mean
            // "the port refuses": the kernel closes the listening socket before reporting exit.
            using var timeout = new CancellationTokenSource(ExitTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"Azurite (pid {process.Id}) did not exit within {ExitTimeout.TotalSeconds:0}s of being killed.");
            }
        }
        finally
        {
            process.Dispose();
        }
    }
}
