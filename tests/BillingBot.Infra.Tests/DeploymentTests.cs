using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BillingBot.App.Hosting;
using BillingBot.Storage.Tables;

namespace BillingBot.Infra.Tests;

/// <summary>
/// What `az deployment group create` with infra/main.bicepparam would create, read from Bicep's offline snapshot: the
/// properties a security review or an operator would check, tied to the app's own names where it has them.
/// </summary>
public sealed partial class DeploymentTests(DeploymentSnapshot deployment) : IClassFixture<DeploymentSnapshot>
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    [Fact]
    public void The_snapshot_is_predicted_without_a_diagnostic()
    {
        Assert.True(deployment.Result.IsClean, deployment.Result.ToString());
        Assert.Empty(deployment.Snapshot["diagnostics"]!.AsArray());
    }

    [Fact]
    public void Storage_holds_every_table_of_the_app_and_accepts_only_Entra_ID_over_TLS_1_2()
    {
        var storage = deployment.Single("Microsoft.Storage/storageAccounts");
        var account = storage["name"]!.GetValue<string>();

        var tables = deployment.OfType("Microsoft.Storage/storageAccounts/tableServices/tables").Select(t => t["name"]!.GetValue<string>());

        Assert.Equal(TableStore.AllTables.Select(t => $"{account}/default/{t}").Order(), tables.Order());
        Assert.Equal("false", DeploymentSnapshot.ValueAt(storage, "properties", "allowSharedKeyAccess"));
        Assert.Equal("true", DeploymentSnapshot.ValueAt(storage, "properties", "defaultToOAuthAuthentication"));
        Assert.Equal("false", DeploymentSnapshot.ValueAt(storage, "properties", "allowBlobPublicAccess"));
        Assert.Equal("TLS1_2", DeploymentSnapshot.ValueAt(storage, "properties", "minimumTlsVersion"));
        Assert.Equal("true", DeploymentSnapshot.ValueAt(storage, "properties", "supportsHttpsTrafficOnly"));
    }

    [Fact]
    public void The_web_app_runs_dotnet_10_on_Linux_over_HTTPS_on_several_instances_probed_at_the_apps_health_endpoint()
    {
        var plan = deployment.Single("Microsoft.Web/serverfarms");
        var app = deployment.Single("Microsoft.Web/sites");

        Assert.Equal("true", DeploymentSnapshot.ValueAt(plan, "properties", "reserved"));
        Assert.True(int.Parse(DeploymentSnapshot.ValueAt(plan, "sku", "capacity")!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("app,linux", DeploymentSnapshot.ValueAt(app, "kind"));
        Assert.Equal("SystemAssigned", DeploymentSnapshot.ValueAt(app, "identity", "type"));
        Assert.Equal("true", DeploymentSnapshot.ValueAt(app, "properties", "httpsOnly"));
        Assert.Equal("false", DeploymentSnapshot.ValueAt(app, "properties", "clientAffinityEnabled"));
        Assert.Equal("DOTNETCORE|10.0", DeploymentSnapshot.ValueAt(app, "properties", "siteConfig", "linuxFxVersion"));
        Assert.Equal($"dotnet {typeof(BotEndpoints).Assembly.GetName().Name}.dll", DeploymentSnapshot.ValueAt(app, "properties", "siteConfig", "appCommandLine"));
        Assert.Equal("true", DeploymentSnapshot.ValueAt(app, "properties", "siteConfig", "alwaysOn"));
        Assert.Equal(BotEndpoints.HealthPath, DeploymentSnapshot.ValueAt(app, "properties", "siteConfig", "healthCheckPath"));
        Assert.Equal("1.2", DeploymentSnapshot.ValueAt(app, "properties", "siteConfig", "minTlsVersion"));
        Assert.Equal("Disabled", DeploymentSnapshot.ValueAt(app, "properties", "siteConfig", "ftpsState"));
        Assert.All(deployment.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"),
            policy => Assert.Equal("false", DeploymentSnapshot.ValueAt(policy, "properties", "allow")));
    }

    [Fact]
    public void App_settings_hold_endpoints_and_a_Key_Vault_reference_never_a_key_or_the_secret()
    {
        var settings = Settings();

        Assert.StartsWith("[reference(", settings["Storage__TableEndpoint"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.table", settings["Storage__TableEndpoint"], StringComparison.Ordinal);
        Assert.DoesNotContain(settings.Keys, key => key.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(settings.Values, value => value.Contains("AccountKey", StringComparison.OrdinalIgnoreCase)
            || value.Contains("listKeys", StringComparison.OrdinalIgnoreCase) || value.Contains("SharedAccessSignature", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["MicrosoftAppPassword"], StringComparison.Ordinal);
        Assert.DoesNotContain(DeploymentSnapshot.AppPassword, deployment.Text, StringComparison.Ordinal);
        Assert.Equal("ManagedIdentityCredential", settings["AZURE_TOKEN_CREDENTIALS"]);
        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public void App_settings_name_the_bot_and_the_telemetry_as_the_app_reads_them()
    {
        var settings = Settings();
        var bot = deployment.Single("Microsoft.BotService/botServices");

        Assert.Equal("SingleTenant", settings["MicrosoftAppType"]);
        Assert.Equal(DeploymentSnapshot.ValueAt(bot, "properties", "msaAppId"), settings["MicrosoftAppId"]);
        Assert.Equal(DeploymentSnapshot.ValueAt(bot, "properties", "msaAppTenantId"), settings["MicrosoftAppTenantId"]);
        Assert.Contains("Microsoft.Insights/components", settings[TelemetryServiceCollectionExtensions.ConnectionStringKey], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(settings["Bot__PartnerName"]));
        // The instances share Teams' 30 writes a second per tenant (README, Teams rate limits).
        var instances = int.Parse(DeploymentSnapshot.ValueAt(deployment.Single("Microsoft.Web/serverfarms"), "sku", "capacity")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((30 / instances).ToString(System.Globalization.CultureInfo.InvariantCulture), settings["Connector__TenantRequestsPerSecond"]);
        // Linux App Service settings: letters, digits and underscores only, '__' standing for ':'.
        Assert.All(settings.Keys, key => Assert.Matches(LinuxSettingName(), key));
    }

    [Fact]
    public void The_web_apps_identity_may_use_the_tables_data_and_read_its_one_secret_and_nothing_else()
    {
        var storage = deployment.Single("Microsoft.Storage/storageAccounts")["id"]!.GetValue<string>();
        var secret = deployment.Single("Microsoft.KeyVault/vaults/secrets")["id"]!.GetValue<string>();
        var app = deployment.Single("Microsoft.Web/sites")["id"]!.GetValue<string>();

        var assignments = deployment.OfType("Microsoft.Authorization/roleAssignments");

        Assert.Equal(2, assignments.Count);
        Assert.Collection(assignments.OrderBy(a => DeploymentSnapshot.ValueAt(a, "properties", "roleDefinitionId")),
            tables =>
            {
                Assert.EndsWith("/" + StorageTableDataContributor, DeploymentSnapshot.ValueAt(tables, "properties", "roleDefinitionId"), StringComparison.Ordinal);
                Assert.StartsWith(storage + "/providers/Microsoft.Authorization/roleAssignments/", tables["id"]!.GetValue<string>(), StringComparison.Ordinal);
            },
            secretRead =>
            {
                Assert.EndsWith("/" + KeyVaultSecretsUser, DeploymentSnapshot.ValueAt(secretRead, "properties", "roleDefinitionId"), StringComparison.Ordinal);
                Assert.StartsWith(secret + "/providers/Microsoft.Authorization/roleAssignments/", secretRead["id"]!.GetValue<string>(), StringComparison.Ordinal);
            });
        Assert.All(assignments, a =>
        {
            Assert.Equal("ServicePrincipal", DeploymentSnapshot.ValueAt(a, "properties", "principalType"));
            Assert.Contains($"'{app}'", DeploymentSnapshot.ValueAt(a, "properties", "principalId"), StringComparison.Ordinal);
            Assert.Contains(".identity.principalId", DeploymentSnapshot.ValueAt(a, "properties", "principalId"), StringComparison.Ordinal);
        });
        var vault = deployment.Single("Microsoft.KeyVault/vaults");
        Assert.Equal("true", DeploymentSnapshot.ValueAt(vault, "properties", "enableRbacAuthorization"));
        Assert.Equal("true", DeploymentSnapshot.ValueAt(vault, "properties", "enablePurgeProtection"));
    }

    [Fact]
    public void The_Azure_Bot_is_single_tenant_and_sends_Teams_messages_to_the_apps_messaging_endpoint()
    {
        var bot = deployment.Single("Microsoft.BotService/botServices");
        var app = deployment.Single("Microsoft.Web/sites")["id"]!.GetValue<string>();
        var channel = deployment.Single("Microsoft.BotService/botServices/channels");

        Assert.Equal("azurebot", DeploymentSnapshot.ValueAt(bot, "kind"));
        Assert.Equal("global", DeploymentSnapshot.ValueAt(bot, "location"));
        Assert.Equal("SingleTenant", DeploymentSnapshot.ValueAt(bot, "properties", "msaAppType"));
        var endpoint = DeploymentSnapshot.ValueAt(bot, "properties", "endpoint")!;
        Assert.StartsWith("[format('https://{0}{1}', reference('" + app + "'", endpoint, StringComparison.Ordinal);
        Assert.EndsWith($").defaultHostName, '{BotEndpoints.MessagesPath}')]", endpoint, StringComparison.Ordinal);
        Assert.Equal("MsTeamsChannel", DeploymentSnapshot.ValueAt(channel, "properties", "channelName"));
        Assert.Equal("true", DeploymentSnapshot.ValueAt(channel, "properties", "properties", "isEnabled"));
    }

    [Fact]
    public void Application_Insights_keeps_its_data_in_the_Log_Analytics_workspace()
    {
        var workspace = deployment.Single("Microsoft.OperationalInsights/workspaces")["id"]!.GetValue<string>();
        var insights = deployment.Single("Microsoft.Insights/components");

        Assert.Equal(workspace, DeploymentSnapshot.ValueAt(insights, "properties", "WorkspaceResourceId"));
        Assert.Equal("LogAnalytics", DeploymentSnapshot.ValueAt(insights, "properties", "IngestionMode"));
    }

    [Fact]
    public void The_outputs_give_the_messaging_endpoint_and_no_secret()
    {
        var outputs = deployment.Snapshot["outputs"]!.AsObject();

        Assert.Contains("messagingEndpoint", outputs.Select(o => o.Key));
        Assert.DoesNotContain(outputs, o => o.Value!.ToJsonString().Contains("botAppPassword", StringComparison.Ordinal)
            || o.Value!.ToJsonString().Contains("ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public async Task App_settings_are_written_after_the_role_assignments_so_the_Key_Vault_reference_resolves_on_first_start()
    {
        using var scratch = new TemporaryFile();
        var build = await BicepCli.RunAsync(["build", "infra/main.bicep", "--outfile", scratch.Path]);
        Assert.True(build.IsClean, build.ToString());
        var template = JsonNode.Parse(await File.ReadAllTextAsync(scratch.Path))!;

        var settings = template["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Web/sites/config")!;
        var dependsOn = settings["dependsOn"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();

        Assert.Equal(2, dependsOn.Count(d => d.Contains("Microsoft.Authorization/roleAssignments", StringComparison.Ordinal)));
    }

    private Dictionary<string, string> Settings() =>
        deployment.Single("Microsoft.Web/sites/config")["properties"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.ToString());

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex LinuxSettingName();
}
