using System.Net;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Channel;
using BillingBot.TestKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace BillingBot.Protocol.Tests.Security;

/// <summary>
/// The connector sends the bot's token only to service URLs it trusts: those learned from authenticated activities
/// and Teams' own hosts over HTTPS. Every other URL, however it is dressed up, is refused before a token is asked for
/// or a connection made. Connections to hosts outside loopback are routed to a recording "attacker", so a leak would
/// show there instead of leaving the machine; 127.0.0.2 is a real listener.
/// </summary>
public sealed class ServiceUrlTrustTests : IAsyncLifetime
{
    private const string Token = "outbound-token-must-stay-home";
    private readonly FakeTeamsChannel _channel = new();
    private readonly AttackerServer _attacker = new(IPAddress.Parse("127.0.0.2"));
    private readonly AttackerServer _sinkhole = new();
    private readonly Mock<IAccessTokenProvider> _tokens = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await _channel.StartAsync(CancellationToken.None);
        _attacker.Start();
        _sinkhole.Start();
        _tokens.Setup(t => t.GetAccessTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Token);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(_tokens.Object);
        services.AddBotConnector();
        services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(_sinkhole.CreateSinkholeHandler));
        services.Configure<ConnectorOptions>(o => o.MaxRetries = 0);
        _services = services.BuildServiceProvider();
        // As after an authenticated activity from the fake channel.
        Trusted.Trust(_channel.ServiceUrl.ToString());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _channel.DisposeAsync();
        await _attacker.DisposeAsync();
        await _sinkhole.DisposeAsync();
    }

    private TrustedServiceUrls Trusted => _services.GetRequiredService<TrustedServiceUrls>();

    private IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    public static TheoryData<string> Untrusted => new()
    {
        "http://evil.example/",
        "https://evil.example/teams/",
        "{attacker}",
        "{attacker}teams/",
        "http://0x7f000002:{attackerPort}/",
        "http://2130706434:{attackerPort}/",
        "{channelOtherPath}",
        "http://localhost:{channelPort}/",
        "https://smba.trafficmanager.net.evil.com/teams/",
        "https://smba.trafficmanager.net%2eevil.com/teams/",
        "https://evilsmba.trafficmanager.net/teams/",
        "https://smba.trafficmanager.net@evil.com/",
        "https://smba.trafficmanager.net:443@evil.com/teams/",
        "https://evil.com#@smba.trafficmanager.net/teams/",
        "https://evil.com\\@smba.trafficmanager.net/teams/",
        "https://evil.com/smba.trafficmanager.net/teams/",
        "https://smba.trafficmanager.net./teams/",
        "https://smba.trafficmanager.nеt/teams/", // Cyrillic 'е'
        "https://smba.trafficmanager.net.xn--e1awd7f.com/teams/",
        "http://smba.trafficmanager.net/teams/",
        "http://SMBA.TRAFFICMANAGER.NET/teams/",
        "//evil.example/teams/",
        "file:///etc/passwd",
        "",
    };

    [Theory]
    [MemberData(nameof(Untrusted))]
    public async Task An_untrusted_service_url_gets_neither_a_token_nor_a_connection(string template)
    {
        var url = Expand(template);

        Assert.False(Trusted.IsTrusted(url), url);
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.SendToConversationAsync(url, "a:1attacked", ActivityExtensions.CreateMessage("hello"), CancellationToken.None));

        Assert.Equal(TeamsErrorCodes.UntrustedServiceUrl, error.ErrorCode);
        _tokens.Verify(t => t.GetAccessTokenAsync(It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal(0, _attacker.ConnectionCount);
        Assert.Equal(0, _sinkhole.ConnectionCount);
        Assert.Empty(_channel.Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://SMBA.TrafficManager.NET/amer/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc/")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch/")]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/dod/")]
    public void Teams_own_hosts_over_HTTPS_are_trusted_in_any_letter_case(string url) =>
        Assert.True(Trusted.IsTrusted(url));

    [Fact]
    public async Task The_learned_service_url_gets_the_token_and_a_proof_that_the_sinkhole_would_see_a_leak()
    {
        await Client.SendToConversationAsync(_channel.ServiceUrl.ToString(), "a:1home", ActivityExtensions.CreateMessage("hello"), CancellationToken.None);
        Trusted.Trust("http://evil.example/");
        await Client.SendToConversationAsync("http://evil.example/", "a:1leak", ActivityExtensions.CreateMessage("hello"), CancellationToken.None);

        Assert.Equal("Bearer " + Token, Assert.Single(_channel.Requests).Authorization);
        // Had the bot trusted evil.example, the sinkhole would have received the request and its token.
        Assert.True(_sinkhole.SawAuthorization);
        Assert.Contains("Host: evil.example", Assert.Single(_sinkhole.Received), StringComparison.OrdinalIgnoreCase);
    }

    private string Expand(string template) => template
        .Replace("{attackerPort}", _attacker.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{attacker}", _attacker.BaseUrl.ToString(), StringComparison.Ordinal)
        .Replace("{channelOtherPath}", new Uri(_channel.ServiceUrl, "/attacker/").ToString(), StringComparison.Ordinal)
        .Replace("{channelPort}", _channel.ServiceUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
