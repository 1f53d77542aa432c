using System.Net;
using BillingBot.TestKit.Auth;

namespace BillingBot.App.Tests.Hosting;

/// <summary>A single-tenant app also accepts tokens from its own tenant's Entra issuers (v1 and v2), and no other tenant's.</summary>
public sealed class SingleTenantAuthenticationTests : BotHostTestBase
{
    private const string OwnTenant = "11111111-2222-3333-4444-555555555555";

    public SingleTenantAuthenticationTests(BotEnvironment env)
        : base(env, new BotHost(env.Azurite, environment: "Production", appId: BotHost.AppId, openId: env.OpenId, settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = OwnTenant,
            // Entra publishes its keys like the Bot Framework does; the loopback server stands in for both.
            ["BotAuthentication:EntraOpenIdMetadataUrlTemplate"] = env.OpenId.MetadataUrl.ToString(),
        }))
    {
    }

    [Theory]
    [InlineData("https://api.botframework.com", HttpStatusCode.OK)]
    [InlineData("https://sts.windows.net/" + OwnTenant + "/", HttpStatusCode.OK)]
    [InlineData("https://login.microsoftonline.com/" + OwnTenant + "/v2.0", HttpStatusCode.OK)]
    [InlineData("https://sts.windows.net/99999999-2222-3333-4444-555555555555/", HttpStatusCode.Unauthorized)]
    [InlineData("https://login.microsoftonline.com/99999999-2222-3333-4444-555555555555/v2.0", HttpStatusCode.Unauthorized)]
    public async Task Issuers_are_accepted_only_for_the_apps_own_tenant(string issuer, HttpStatusCode expected)
    {
        var token = new TestTokenBuilder(BotEnvironment.TeamsKey, BotHost.AppId, Env.Channel.ServiceUrl.ToString()).WithIssuer(issuer).Build();

        using var response = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, Activities.NewConversationId(), "help"), token);

        Assert.Equal(expected, response.StatusCode);
    }
}
