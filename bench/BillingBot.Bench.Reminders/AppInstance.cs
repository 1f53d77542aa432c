using System.Globalization;
using BillingBot.App.Hosting;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Connector;
using BillingBot.Storage;
using BillingBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BillingBot.Bench.Reminders;

/// <summary>
/// One instance of the app, composed as Program.cs composes it (AddTableStorage, AddBillingBot, the app's appsettings.json),
/// but not started: the bench calls its reminder services itself. Its tables have their own prefix; its clock is the
/// bench's day; a counter sees every storage response; the fake Teams channel is trusted as Teams' hosts are.
/// </summary>
internal sealed class AppInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    public AppInstance(string connectionString, string prefix, Uri serviceUrl, TimeProvider clock, IDictionary<string, string?>? settings = null)
    {
        Counter = new EntityReadCounter { Prefix = prefix };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = "Development",
            ContentRootPath = AppContext.BaseDirectory,
        });
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = connectionString,
            ["Storage:TablePrefix"] = prefix,
            ["MicrosoftAppId"] = string.Empty,
            ["MicrosoftAppPassword"] = string.Empty,
            ["Reminders:InstanceId"] = "bench-" + prefix,
            // Azurite answers a query by scanning the whole table (about 0.6 s at a million rows, more on a busy machine),
            // longer than the app's 5 s allow when several queue up in its single thread.
            ["Storage:NetworkTimeout"] = "00:02:00",
            [TelemetryServiceCollectionExtensions.ConnectionStringKey] = string.Empty,
            // Errors only: a line per reminder sent would make the console the bottleneck.
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Error",
            ["Logging:LogLevel:Azure"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error);
        builder.Services.AddTableStorage(builder.Configuration);
        builder.Services.AddBillingBot(builder.Configuration, builder.Environment);
        builder.Services.Configure<StorageOptions>(o => o.PipelinePolicies.Add(Counter));
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton(clock);
        // No app id: nothing to ask Entra for; the fake channel does not require a token.
        builder.Services.RemoveAll<IAccessTokenProvider>();
        builder.Services.AddSingleton<IAccessTokenProvider, NoToken>();
        _app = builder.Build();
        _app.Services.GetRequiredService<TrustedServiceUrls>().Trust(serviceUrl.ToString());
        Configuration = _app.Configuration;
    }

    public IServiceProvider Services => _app.Services;

    public IConfiguration Configuration { get; }

    public EntityReadCounter Counter { get; }

    public int Setting(string key, int fallback) =>
        int.TryParse(Configuration[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private sealed class NoToken : IAccessTokenProvider
    {
        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }
}
