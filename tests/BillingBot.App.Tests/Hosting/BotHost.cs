using BillingBot.App.Hosting;
using BillingBot.Understanding;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BillingBot.Protocol.Authentication;
using BillingBot.TestKit.Auth;
using BillingBot.TestKit.Azurite;
using BillingBot.TestKit.Channel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace BillingBot.App.Tests.Hosting;

/// <summary>
/// The real app on Kestrel at 127.0.0.1, against Azurite, a fake Teams channel and (with an app id) a loopback
/// OpenID server. Each host gets its own tables.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    public const string AppId = "4a1b2c3d-0000-4000-8000-00000000b07a";
    private static readonly Lazy<IntentRecognizer> SharedRecognizer = new(() => new IntentRecognizer(new UnderstandingOptions(), TimeProvider.System, new LanguageDetector()));
    private readonly string _environment;
    private readonly string? _appId;
    private readonly AzuriteFixture _azurite;
    private readonly TestOpenIdServer? _openId;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BotHost(AzuriteFixture azurite, string environment = "Development", string? appId = null,
        TestOpenIdServer? openId = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _azurite = azurite;
        _environment = environment;
        _appId = appId;
        _openId = openId;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The trained recognizer every host of the test run shares (training takes seconds of CPU).</summary>
    public static IntentRecognizer Recognizer => SharedRecognizer.Value;

    public TestLogSink Logs { get; } = new();

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public Uri MessagesUrl => new(BaseAddress, "/api/messages");

    public string TablePrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    public HttpClient CreateHttpClient()
    {
        StartServer();
        return new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Posts an activity as Teams would: JSON, with a bearer token when one is given.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(HttpClient http, JsonNode activity, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Storage"] = _azurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["MicrosoftAppId"] = _appId ?? string.Empty,
            ["MicrosoftAppPassword"] = _appId is null ? string.Empty : "test-secret-not-real",
            ["Connector:BaseDelay"] = "00:00:00.010",
            ["Connector:MaxDelay"] = "00:00:00.050",
            // Tests of conversations are not swept by the reminder scheduler; its own tests run it on purpose.
            ["Reminders:Enabled"] = "false",
            // Never Application Insights from a developer's environment; TelemetryTests turn it on towards a fake.
            [TelemetryServiceCollectionExtensions.ConnectionStringKey] = string.Empty,
            [TelemetryServiceCollectionExtensions.SectionConnectionStringKey] = string.Empty,
        };
        if (_openId is not null)
        {
            settings["BotAuthentication:OpenIdMetadataUrl"] = _openId.MetadataUrl.ToString();
            settings["BotAuthentication:RequireHttpsMetadata"] = "false";
        }

        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            // MSAL would ask Entra for a token; the fake channel only needs to see that one is sent.
            services.RemoveAll<IAccessTokenProvider>();
            services.AddSingleton<IAccessTokenProvider>(new StaticTokenProvider(_appId is null ? null : OutboundToken));
            // One trained model for the whole test run: training is seconds of CPU, the same for every host.
            services.RemoveAll<IntentRecognizer>();
            services.AddSingleton(SharedRecognizer.Value);
            _services?.Invoke(services);
        });
    }

    public const string OutboundToken = "outbound-token-for-tests";

    private sealed class StaticTokenProvider(string? token) : IAccessTokenProvider
    {
        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
    }
}
