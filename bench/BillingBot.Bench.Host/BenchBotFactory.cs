using System.Net;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BillingBot.Bench.Host;

/// <summary>
/// The app composed by its own Program.cs, on Kestrel. Two swaps, both chosen by the benchmark: bot state in memory
/// (to compare with a peer that keeps state in memory), and a fixed outbound token (Entra is not reachable here; MSAL
/// caches its token for an hour, so a real run asks for one once and this changes nothing per turn).
/// </summary>
public sealed class BenchBotFactory(HostArguments arguments) : WebApplicationFactory<Program>
{
    public const string OutboundToken = "bench-outbound-token";

    public Uri Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, arguments.Port));
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", $"http://127.0.0.1:{arguments.Port}");
        builder.ConfigureTestServices(services =>
        {
            if (arguments.MemoryState)
            {
                services.RemoveAll<IStorage>();
                services.AddSingleton<IStorage, MemoryStorage>();
            }

            if (arguments.StaticToken)
            {
                services.RemoveAll<IAccessTokenProvider>();
                services.AddSingleton<IAccessTokenProvider>(new StaticTokenProvider(OutboundToken));
            }
        });
    }

    private sealed class StaticTokenProvider(string token) : IAccessTokenProvider
    {
        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
    }
}
