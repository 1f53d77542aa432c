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
/// the same port for fault-injection tests: with empty storage by default, with the data it had
/// when <see cref="Persistence"/> is <see cref="AzuritePersistence.Disk"/>.
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
    // A line "shutdown" on stdin asks Azurite to close as its own IPC "shutdown" message does: it
    // stops listening and saves its database, then prints ClosedMessage.
    private const string ExitWithParentModule =
        "data:text/javascript,process.stdin.on('data',d=>{if(String(d).includes('shutdown'))process.emit('message','shutdown')}).on('end',()=>process.exit(0)).resume()";

    private const string ClosedMessage = "Azurite Table service successfully closed";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _process;
    private OutputTail? _output;
    private string? _location;
    private int _port;
    private bool _disposed;

    /// <summary>
    /// In memory (the default: a restart comes back empty) or on disk (a restart keeps the tables). Set it before the
    /// first start.
    /// </summary>
    public AzuritePersistence Persistence { get; init; } = AzuritePersistence.Memory;

    /// <summary>Node's heap limit for Azurite in MiB; null keeps Node's default (a few GiB), too little for millions of rows.</summary>
    public int? MaxHeapMegabytes { get; init; }

    /// <summary>
    /// With <see cref="AzuritePersistence.Disk"/>, the folder for the tables (kept after disposal, as the caller owns
    /// it); null makes a temporary one.
    /// </summary>
    public string? DiskLocation { get; init; }

    /// <summary>The loopback TCP port of the Table endpoint; fixed for the fixture's lifetime.</summary>
    public int Port => _port != 0
        ? _port
        : throw new InvalidOperationException("Azurite has not been started; call InitializeAsync or StartAsync first.");

    /// <summary><c>http://127.0.0.1:{Port}/devstoreaccount1</c>.</summary>
    public Uri TableEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    /// <summary>A storage connection string for the emulator (Table endpoint only).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};";

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
                var restarted = await TryLaunchAsync(tools, _port, MaxHeapMegabytes, Location(), cancellationToken).ConfigureAwait(false);
                _output = restarted.Output;
                _process = restarted.Process
                    ?? throw new InvalidOperationException(
                        $"Could not restart Azurite: port {_port} is now used by another process.{Environment.NewLine}{restarted.Output}");
                return;
            }

            OutputTail? lastOutput = null;
            for (var attempt = 0; attempt < PortAttempts; attempt++)
            {
                var port = PickFreeLoopbackPort();
                var launched = await TryLaunchAsync(tools, port, MaxHeapMegabytes, Location(), cancellationToken).ConfigureAwait(false);
                if (launched.Process is not null)
                {
                    _process = launched.Process;
                    _output = launched.Output;
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
    /// Stops Azurite and waits until it has exited, so its port refuses connections when this
    /// returns. In memory, it is killed and the data is lost; on disk, it is asked to close first,
    /// which saves the tables for the next <see cref="StartAsync"/>. Does nothing if it is not running.
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
            if (_location is not null && DiskLocation is null)
            {
                try
                {
                    Directory.Delete(_location, recursive: true);
                }
                catch (IOException)
                {
                    // A temporary folder left behind is harmless.
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StopCoreAsync()
    {
        var process = _process;
        var output = _output;
        _process = null;
        _output = null;
        if (process is null)
        {
            return;
        }

        if (Persistence == AzuritePersistence.Disk && output is not null && !process.HasExited)
        {
            await CloseAsync(process, output).ConfigureAwait(false);
        }

        await KillAsync(process).ConfigureAwait(false);
    }

    /// <summary>Asks Azurite to close (stop listening, save its database) and waits until it says it has.</summary>
    private static async Task CloseAsync(Process process, OutputTail output)
    {
        var closed = output.WaitForAsync(ClosedMessage);
        try
        {
            await process.StandardInput.WriteLineAsync("shutdown").ConfigureAwait(false);
            await process.StandardInput.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            return; // it is exiting already; the kill below makes sure
        }

        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await closed.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(
                $"Azurite (pid {process.Id}) did not close within {ExitTimeout.TotalSeconds:0}s; its tables may not be saved.{Environment.NewLine}{output}");
        }
    }

    /// <summary>The folder of the tables on disk, made on first use; null in memory.</summary>
    private string? Location()
    {
        if (Persistence == AzuritePersistence.Memory)
        {
            return null;
        }

        _location ??= DiskLocation ?? Directory.CreateTempSubdirectory("billingbot-azurite-").FullName;
        return _location;
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
            WorkingDirectory = location ?? Path.GetTempPath(),
        };
        IEnumerable<string> heap = maxHeapMegabytes is { } megabytes
            ? ["--max-old-space-size=" + megabytes.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            : [];
        foreach (var argument in heap.Concat(
        [
            "--import", ExitWithParentModule,
            tools.AzuriteTableScript,
            "--tableHost", "127.0.0.1",
            "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]).Concat(location is null ? ["--inMemoryPersistence"] : ["--location", location]).Concat(
        [
            "--disableTelemetry",
            "--silent",
        ]))
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
