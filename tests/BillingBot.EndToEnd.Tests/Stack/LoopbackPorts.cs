using System.Net;
using System.Net.Sockets;

namespace BillingBot.EndToEnd.Tests.Stack;

/// <summary>Free TCP ports on 127.0.0.1, distinct from one another (all are held until every one is found).</summary>
internal static class LoopbackPorts
{
    public static int[] Pick(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
