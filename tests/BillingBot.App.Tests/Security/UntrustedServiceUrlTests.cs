using System.Net;
using System.Text.Json;
using BillingBot.App.Bot;
using BillingBot.App.Reminders;
using BillingBot.App.Tests.Hosting;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.TestKit.Auth;
using BillingBot.TestKit.Security;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Security;

/// <summary>
/// The bot's token never goes anywhere but Teams (here the fake channel): not to an activity's serviceUrl that its
/// token does not vouch for, not to one named by an unauthenticated activity in local dev mode, and not to one written
/// into a stored conversation reference (a customer's chat, the agents' channel) for a proactive message. An attacker
/// listens on 127.0.0.2, and every connection to a host outside loopback is routed to a recording sinkhole: neither
/// ever receives an Authorization header, and outside loopback nothing is received at all.
/// </summary>
public sealed class UntrustedServiceUrlTests(BotEnvironment env) : IClassFixture<BotEnvironment>, IAsyncLifetime
{
    private readonly AttackerServer _attacker = new(IPAddress.Parse("127.0.0.2"));
    private readonly AttackerServer _sinkhole = new();

    private static readonly string[] Elsewhere =
    [
        "http://evil.example/", "HTTP://EVIL.EXAMPLE/teams/", "{attacker}", "{attacker}teams/", "https://smba.trafficmanager.net.evil.com/teams/",
        "https://smba.trafficmanager.net@evil.com/", "https://evil.com#@smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net./teams/",
        "https://smba.trafficmanager.nеt/teams/", "https://xn--smba-trafficmanager-net-evil.com/teams/",
    ];

    public Task InitializeAsync()
    {
        _attacker.Start();
        _sinkhole.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _attacker.DisposeAsync();
        await _sinkhole.DisposeAsync();
    }

    [Fact]
    public async Task An_authenticated_activity_whose_token_vouches_for_another_service_url_is_refused_and_nothing_reaches_the_attacker()
    {
        await using var host = Host("Production", BotHost.AppId);
        using var http = host.CreateHttpClient();
        var token = new TestTokenBuilder(BotEnvironment.TeamsKey, BotHost.AppId, env.Channel.ServiceUrl.ToString()).Build();

        foreach (var url in Elsewhere.Select(Expand))
        {
            using var response = await host.PostActivityAsync(http, Activities.Message(new Uri(url), Activities.NewConversationId(), "help"), token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        AssertNothingReceived();
    }

    [Fact]
    public async Task In_local_dev_mode_an_unauthenticated_activity_sends_nothing_outside_loopback_and_never_a_token()
    {
        await using var host = Host("Development", appId: null);
        using var http = host.CreateHttpClient();

        foreach (var url in Elsewhere.Select(Expand))
        {
            using var response = await host.PostActivityAsync(http, Activities.Message(new Uri(url), Activities.NewConversationId(), "help"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Dev mode answers loopback service URLs (the Playground's way), but without a token; nothing else is reached.
        Assert.Equal(0, _sinkhole.ConnectionCount);
        Assert.False(_attacker.SawAuthorization);
    }

    [Fact]
    public async Task A_stored_reference_tampered_to_point_elsewhere_gets_no_proactive_message_and_no_token()
    {
        await using var host = Host("Production", BotHost.AppId);
        using var http = host.CreateHttpClient();
        var token = new TestTokenBuilder(BotEnvironment.TeamsKey, BotHost.AppId, env.Channel.ServiceUrl.ToString()).Build();
        // The customer writes (their chat is kept) and the bot is installed in the agents' channel (kept too).
        var chat = Activities.NewConversationId();
        using (var response = await host.PostActivityAsync(http, Activities.Message(env.Channel.ServiceUrl, chat, "help"), token))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var response = await host.PostActivityAsync(http, PartnerStaff.ChannelInstall(env.Channel.ServiceUrl, PartnerStaff.ChannelId, PartnerStaff.AdminObjectId), token))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var references = host.Services.GetRequiredService<IConversationReferenceStore>();
        var customerChat = (await references.GetAsync(Activities.TenantId, "user:" + Activities.UserAadId, CancellationToken.None))!;
        var agentsChannel = (await references.GetAsync(PartnerStaff.PartnerTenant, "conversation:" + PartnerStaff.ChannelId, CancellationToken.None))!;
        var sentBefore = env.Channel.Requests.Count;

        foreach (var url in Elsewhere.Select(Expand))
        {
            await references.SaveAsync(Tampered(customerChat, url), CancellationToken.None);
            await references.SaveAsync(Tampered(agentsChannel, url), CancellationToken.None);

            var delivered = await host.Services.GetRequiredService<CustomerChat>().SendAsync(Activities.TenantId, Activities.UserAadId, ActivityExtensions.CreateMessage("Your invoice is ready"), CancellationToken.None);
            await host.Services.GetRequiredService<IBillingTeamNotifier>().NotifyAsync(new BillingTeamNotice(Activities.TenantId, "A notice", "For the agents."), CancellationToken.None);

            Assert.False(delivered, url);
        }

        AssertNothingReceived();
        Assert.Equal(sentBefore, env.Channel.Requests.Count);
    }

    private static StoredConversationReference Tampered(StoredConversationReference stored, string serviceUrl)
    {
        var reference = JsonSerializer.Deserialize<ConversationReference>(JsonSerializer.Serialize(stored.Reference, ProtocolJson.Options), ProtocolJson.Options)!;
        reference.ServiceUrl = serviceUrl;
        return stored with { Reference = reference, IsActive = true };
    }

    private void AssertNothingReceived()
    {
        Assert.Equal(0, _attacker.ConnectionCount);
        Assert.Equal(0, _sinkhole.ConnectionCount);
    }

    private BotHost Host(string environment, string? appId)
    {
        var settings = PartnerStaff.Settings();
        return new BotHost(env.Azurite, environment: environment, appId: appId, openId: appId is null ? null : env.OpenId, settings: settings, services: services =>
            services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(_sinkhole.CreateSinkholeHandler)));
    }

    private string Expand(string template) => template.Replace("{attacker}", _attacker.BaseUrl.ToString(), StringComparison.Ordinal);
}
