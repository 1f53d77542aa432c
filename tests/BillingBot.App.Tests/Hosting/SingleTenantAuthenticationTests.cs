using System.Net;
using BillingBot.TestKit.Auth;

namespace BillingBot.App.Tests.Hosting;

/// <summary>A single-tenant app also accepts tokens from its own tenant's Entra issuers (v1 and v2), and no other tenant's.</summary>
public sealed class SingleTenantAuthenticationTests : IClassFixture<BotEnvironment>, IAsyncLifetime
{
    private const string OwnTenant = "11111111-2222-3333-4444-555555555555";
    private readonly BotEnvironment _env;
    private readonly BotHost _host;
    private HttpClient _http = null!;

    public SingleTenantAuthenticationTests(BotEnvironment env)
    {
        _env = env;
        _host = new BotHost(env.Azurite, environment: "Production", appId: BotHost.AppId, openId: env.OpenId, settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = OwnTenant,
            // Entra publishes its keys like the Bot Framework does; the loopback server stands in for both.
            ["BotAuthentication:EntraOpenIdMetadataUrlTemplate"] = env.OpenId.MetadataUrl.ToString(),
        });
    }

    public Task InitializeAsync()
    {
        _http = _host.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("https://api.botframework.com", HttpStatusCode.OK)]
    [InlineData("https://sts.windows.net/" + OwnTenant + "/", HttpStatusCode.OK)]
    [InlineData("https://login.microsoftonline.com/" + OwnTenant + "/v2.0", HttpStatusCode.OK)]
    [InlineData("https://sts.windows.net/99999999-2222-3333-4444-555555555555/", HttpStatusCode.Unauthorized)]
    [InlineData("https://login.microsoftonline.com/99999999-2222-3333-4444-555555555555/v2.0", HttpStatusCode.Unauthorized)]
    public async Task Issuers_are_accepted_only_for_the_apps_own_tenant(string issuer, HttpStatusCode expected)
    {
        var token = new TestTokenBuilder(BotEnvironment.TeamsKey, BotHost.AppId, _env.Channel.ServiceUrl.ToString()).WithIssuer(issuer).Build();

        using var response = await _host.PostActivityAsync(_http, Activities.Message(_env.Channel.ServiceUrl, Activities.NewConversationId(), "help"), token);

        Assert.Equal(expected, response.StatusCode);
    }
}
