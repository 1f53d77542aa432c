using Azure.Monitor.OpenTelemetry.AspNetCore;

namespace BillingBot.App.Hosting;

/// <summary>
/// Application Insights through OpenTelemetry (requests, dependencies, the app's logs and metrics), switched on only by a
/// connection string. Without one nothing is registered, so tests and local runs export nothing. What is exported is
/// what the app logs (source-generated messages: ids, stages, counts, never amounts, secrets or customers' text) plus
/// the standard request and dependency spans (paths and status codes; no bodies, query values redacted).
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The setting App Service and the Bicep template use.</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The alternative in the AzureMonitor section, which also takes the distro's other options.</summary>
    public const string SectionConnectionStringKey = "AzureMonitor:ConnectionString";

    public static IServiceCollection AddBillingBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = ConnectionString(configuration);
        if (connectionString is null)
        {
            return services;
        }

        // The distro does not bind the AzureMonitor section by itself here: TracesPerSecond (default 5), SamplingRatio,
        // EnableLiveMetrics, DisableOfflineStorage, ... come from it.
        services.AddOpenTelemetry().UseAzureMonitor(options =>
        {
            configuration.GetSection("AzureMonitor").Bind(options);
            options.ConnectionString = connectionString;
        });
        return services;
    }

    /// <summary>The configured connection string, or null when telemetry is off.</summary>
    public static string? ConnectionString(IConfiguration configuration) =>
        new[] { configuration[ConnectionStringKey], configuration[SectionConnectionStringKey] }.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
}
