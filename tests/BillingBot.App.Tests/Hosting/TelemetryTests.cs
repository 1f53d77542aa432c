using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BillingBot.App.Commands;
using BillingBot.App.Commands.Seed;
using BillingBot.App.Conversations;
using BillingBot.App.Hosting;
using BillingBot.App.Resources;
using BillingBot.App.Tests.Conversations;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BillingBot.App.Tests.Hosting;

/// <summary>
/// Application Insights is on exactly when a connection string is configured. Here its ingestion endpoint is a fake on
/// 127.0.0.1: the bot's requests and logs arrive there, and none of them carries an amount, a secret or what the
/// customer wrote. Without a connection string the app answers as usual and exports nothing.
/// </summary>
public sealed class TelemetryTests : IClassFixture<BotEnvironment>, IAsyncLifetime
{
    private const string Fabrikam = DemoData.PlaygroundTenantId;
    private const string Alex = DemoData.PlaygroundUserObjectId; // Fabrikam's primary billing contact: sees amounts
    private const string Question = "how much do I owe on my Contoso account?";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly BotEnvironment _env;
    private readonly FakeApplicationInsights _insights = new();
    private readonly string? _sdkStatsBefore = Environment.GetEnvironmentVariable(SdkStatsSwitch);

    public TelemetryTests(BotEnvironment env) => _env = env;

    /// <summary>The exporter's own usage statistics start by asking the Azure VM metadata address; only an environment variable turns them off.</summary>
    private const string SdkStatsSwitch = "APPLICATIONINSIGHTS_SDKSTATS_DISABLED";

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(SdkStatsSwitch, "true");
        await _insights.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(SdkStatsSwitch, _sdkStatsBefore);
        await _insights.DisposeAsync();
    }

    [Fact]
    public async Task With_a_connection_string_requests_and_logs_reach_Application_Insights_without_amounts_secrets_or_what_the_customer_wrote()
    {
        await using var host = await StartSeededAsync(new Dictionary<string, string?>
        {
            [TelemetryServiceCollectionExtensions.ConnectionStringKey] = _insights.ConnectionString,
            ["AzureMonitor:DisableOfflineStorage"] = "true",
            // Every trace, so that everything this turn did is looked at (the default keeps 5 traces a second).
            ["AzureMonitor:TracesPerSecond"] = "1000",
        });
        using var http = host.CreateHttpClient();

        var conversation = Activities.NewConversationId();
        using var response = await host.PostActivityAsync(http, From(Alex, Fabrikam, Activities.Message(_env.Channel.ServiceUrl, conversation, Question)));
        var answer = string.Join("\n", _env.ActivitiesSentTo(conversation).Select(SeededConversation.Visible));

        // The customer got their balance ...
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var amounts = await AmountsShownAsync(host, answer);
        Assert.NotEmpty(amounts);

        // ... and Application Insights got the request and the app's logs.
        var request = await _insights.WaitForAsync("RequestData", r => r["url"]?.GetValue<string>().EndsWith(BotEndpoints.MessagesPath, StringComparison.Ordinal) == true, Patience);
        Assert.Equal("200", request["responseCode"]?.GetValue<string>());
        Flush(host);
        Assert.Contains(_insights.Envelopes, e => FakeApplicationInsights.BaseType(e) == "MessageData"
            && FakeApplicationInsights.BaseData(e)["properties"]?["CategoryName"]?.GetValue<string>().StartsWith("BillingBot.", StringComparison.Ordinal) == true);

        var exported = _insights.AllText;
        foreach (var amount in amounts)
        {
            Assert.DoesNotContain(amount, exported, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Question, exported, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(AccountKey(_env.Azurite.ConnectionString), exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_connection_string_the_bot_answers_and_nothing_is_exported()
    {
        await using var host = await StartSeededAsync(new Dictionary<string, string?>());
        using var http = host.CreateHttpClient();
        var conversation = Activities.NewConversationId();

        using var response = await host.PostActivityAsync(http, From(Alex, Fabrikam, Activities.Message(_env.Channel.ServiceUrl, conversation, Question)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await AmountsShownAsync(host, string.Join("\n", _env.ActivitiesSentTo(conversation).Select(SeededConversation.Visible))));
        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
        Assert.Null(host.Services.GetService<LoggerProvider>());
    }

    /// <summary>The app on the demo data at the seeded conversations' morning.</summary>
    private async Task<BotHost> StartSeededAsync(Dictionary<string, string?> settings)
    {
        var host = new BotHost(_env.Azurite, settings: settings, services: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(SeededConversation.Now));

            // The distro's Azure VM resource detector asks 169.254.169.254 for the VM's metadata; nothing may leave this
            // machine, so the tests describe the service themselves (in App Service the detectors stay).
            services.ConfigureOpenTelemetryTracerProvider(b => b.SetResourceBuilder(TestResource()));
            services.ConfigureOpenTelemetryMeterProvider(b => b.SetResourceBuilder(TestResource()));
            services.ConfigureOpenTelemetryLoggerProvider(b => b.SetResourceBuilder(TestResource()));
        });
        host.CreateHttpClient().Dispose();
        var seed = ActivatorUtilities.CreateInstance<SeedCommand>(host.Services);
        using var output = new StringWriter();
        Assert.Equal(0, await seed.RunAsync([], new CommandConsole(output, output), CancellationToken.None));
        return host;
    }

    private static ResourceBuilder TestResource() => ResourceBuilder.CreateEmpty().AddService("BillingBot");

    /// <summary>
    /// The amounts the customer was shown (their balance, as shown and as a plain number) and every invoice's gross amount;
    /// the answer must show the balance, else there would be nothing to look for.
    /// </summary>
    private static async Task<IReadOnlyList<string>> AmountsShownAsync(BotHost host, string answer)
    {
        var invoices = await host.Services.GetRequiredService<IInvoiceRepository>().ListForCustomerAsync(Fabrikam, default);
        var standing = AccountStanding.On(DateOnly.FromDateTime(SeededConversation.Now.UtcDateTime), invoices, host.Services.GetRequiredService<CollectionPolicy>());
        var format = new BillingFormat(BillingTexts.For(CultureInfo.GetCultureInfo("en-US")));
        var balance = standing.TotalDue.Concat(standing.OverdueTotal).Where(m => !m.IsZero).ToList();
        Assert.NotEmpty(balance);
        Assert.All(balance, m => Assert.Contains(format.Money(m), answer, StringComparison.Ordinal));
        return [.. balance.Select(format.Money)
            .Concat(balance.Concat(invoices.Select(i => i.Gross)).Select(m => m.Amount.ToString("0.00", CultureInfo.InvariantCulture)))
            .Distinct()];
    }

    private static void Flush(BotHost host)
    {
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        host.Services.GetRequiredService<LoggerProvider>().ForceFlush();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    private static JsonObject From(string userObjectId, string tenantId, JsonObject activity)
    {
        activity["from"]!["aadObjectId"] = userObjectId;
        activity["from"]!["id"] = "29:" + userObjectId;
        activity["conversation"]!["tenantId"] = tenantId;
        activity["channelData"]!["tenant"]!["id"] = tenantId;
        return activity;
    }

    private static string AccountKey(string connectionString) =>
        connectionString.Split(';').Select(p => p.Split('=', 2)).Single(p => p[0] == "AccountKey")[1];
}
