using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BillingBot.TestKit.Security;

/// <summary>
/// A loopback "attacker": a raw TCP listener that records every connection made to it and every byte it is sent
/// (so an Authorization header shows up whether the request was well-formed HTTP or not), and answers HTTP 200 with
/// an empty JSON object. <see cref="Sinkhole"/> routes every connection to a host outside loopback here, so a test
/// sees a request the app would have made to http://evil.example or https://smba.trafficmanager.net.evil.com instead
/// of it leaving the machine.
/// </summary>
public sealed class AttackerServer : IAsyncDisposable
{
    private static readonly byte[] Answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    private static readonly TimeSpan ReadPatience = TimeSpan.FromSeconds(2);

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _received = new();
    private readonly List<Task> _connections = [];
    private readonly Lock _gate = new();
    private Task? _accepting;

    /// <param name="address">A loopback address: 127.0.0.1 by default; any 127.x.y.z works on Linux.</param>
    public AttackerServer(IPAddress? address = null)
    {
        _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
    }

    /// <summary>The address it listens on, as http://127.x.y.z:port/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The bytes of each connection, as text (latin-1, so nothing is lost), in the order they were accepted.</summary>
    public IReadOnlyList<string> Received => [.. _received];

    /// <summary>How many connections were made to it.</summary>
    public int ConnectionCount => _received.Count;

    /// <summary>Whether any connection carried an Authorization header (or the word bearer anywhere).</summary>
    public bool SawAuthorization => _received.Any(r =>
        r.Contains("authorization:", StringComparison.OrdinalIgnoreCase) || r.Contains("bearer", StringComparison.OrdinalIgnoreCase));

    public void Start()
    {
        _listener.Start();
        var endpoint = (IPEndPoint)_listener.LocalEndpoint;
        BaseUrl = new Uri($"http://{endpoint.Address}:{endpoint.Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>
    /// A ConnectCallback for <see cref="SocketsHttpHandler"/>: connections to loopback hosts go where they were meant to
    /// (the fake channel, the OpenID server, the attacker itself); any other host is connected to this server.
    /// </summary>
    public Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Sinkhole => async (context, cancellationToken) =>
    {
        var target = context.DnsEndPoint;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (IsLoopback(target.Host))
            {
                await socket.ConnectAsync(IPAddress.Parse(target.Host == "localhost" ? "127.0.0.1" : target.Host), target.Port, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await socket.ConnectAsync((IPEndPoint)_listener.LocalEndpoint, cancellationToken).ConfigureAwait(false);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };

    /// <summary>A primary handler whose every non-loopback connection lands here.</summary>
    public SocketsHttpHandler CreateSinkholeHandler() => new() { ConnectCallback = Sinkhole, UseProxy = false };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        if (_accepting is not null)
        {
            await _accepting.ConfigureAwait(false);
        }

        Task[] open;
        lock (_gate)
        {
            open = [.. _connections];
        }

        await Task.WhenAll(open).ConfigureAwait(false);
        _stop.Dispose();
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_gate)
            {
                _connections.Add(HandleAsync(socket));
            }
        }
    }

    private async Task HandleAsync(Socket socket)
    {
        using (socket)
        {
            var bytes = new List<byte>();
            var buffer = new byte[8192];
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            patience.CancelAfter(ReadPatience);
            try
            {
                // Enough to see the request line and headers; a TLS ClientHello is recorded too.
                while (bytes.Count < 64 * 1024)
                {
                    var read = await socket.ReceiveAsync(buffer, SocketFlags.None, patience.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    bytes.AddRange(buffer.AsSpan(0, read));
                    var text = Encoding.Latin1.GetString([.. bytes]);
                    if (text.Contains("\r\n\r\n", StringComparison.Ordinal) || bytes[0] == 0x16)
                    {
                        break;
                    }
                }

                _received.Enqueue(Encoding.Latin1.GetString([.. bytes]));
                await socket.SendAsync(Answer, SocketFlags.None, patience.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                _received.Enqueue(Encoding.Latin1.GetString([.. bytes]));
            }
        }
    }
}
