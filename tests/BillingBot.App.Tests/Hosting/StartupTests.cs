using Microsoft.Extensions.Options;

namespace BillingBot.App.Tests.Hosting;

public sealed class StartupTests : IClassFixture<BotEnvironment>
{
    private readonly BotEnvironment _env;

    public StartupTests(BotEnvironment env) => _env = env;

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_Development_an_empty_app_id_stops_start_up_with_a_clear_message(string environment)
    {
        using var host = new BotHost(_env.Azurite, environment: environment);

        var error = Assert.ThrowsAny<Exception>(() => host.CreateHttpClient());

        Assert.Contains($"MicrosoftAppId is empty in the {environment} environment", StartupFailure(host, error), StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_tenant_app_without_its_tenant_id_does_not_start()
    {
        using var host = new BotHost(_env.Azurite, environment: "Production", appId: BotHost.AppId, settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
        });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateHttpClient());

        Assert.Contains("MicrosoftAppTenantId must be set", StartupFailure(host, error), StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_secret_that_App_Service_could_not_read_from_Key_Vault_stops_start_up_and_says_so()
    {
        using var host = new BotHost(_env.Azurite, environment: "Production", appId: BotHost.AppId, settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = PartnerStaff.PartnerTenant,
            ["MicrosoftAppPassword"] = "@Microsoft.KeyVault(SecretUri=https://kv-billingbot.vault.azure.net/secrets/MicrosoftAppPassword)",
        });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateHttpClient());

        Assert.Contains("MicrosoftAppPassword is an unresolved Key Vault reference", StartupFailure(host, error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Support:TimeZone", "Mars/Olympus_Mons", "Support:TimeZone 'Mars/Olympus_Mons' is not a known time zone.")]
    [InlineData("Collections:SuspensionAfterDays", "15", "Collections: The suspension warning must come after the grace period and before the suspension.")]
    [InlineData("Payments:AccountNumber", "", "Payments:BankName and Payments:AccountNumber are required")]
    public void A_support_offer_or_policy_that_would_mislead_customers_stops_start_up(string key, string value, string expected)
    {
        using var host = new BotHost(_env.Azurite, settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateHttpClient());

        Assert.Contains(expected, StartupFailure(host, error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_with_an_app_id_a_request_without_a_token_is_refused()
    {
        await using var host = new BotHost(_env.Azurite, environment: "Development", appId: BotHost.AppId, openId: _env.OpenId);
        using var http = host.CreateHttpClient();

        using var response = await host.PostActivityAsync(http, Activities.Message(_env.Channel.ServiceUrl, Activities.NewConversationId(), "help"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>
    /// Why the host did not start: the validation error in the exception, or, when the test host's deferred start
    /// loses the race with the failed app's disposal (an ObjectDisposedException under load), the one the app logged.
    /// </summary>
    private static string StartupFailure(BotHost host, Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException validation)
            {
                return validation.Message;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } inner)
            {
                return inner.Message;
            }
        }

        var logged = host.Logs.Lines.Select(l => l.Exception).FirstOrDefault(x => x?.Contains(nameof(OptionsValidationException), StringComparison.Ordinal) == true);
        return logged ?? throw new Xunit.Sdk.XunitException($"No {nameof(OptionsValidationException)} in {error}");
    }
}
