namespace BillingBot.App.Tests.Hosting;

/// <summary>A test class that runs one app host against its class's environment, with an HTTP client to it.</summary>
public abstract class BotHostTestBase(BotEnvironment env, BotHost host) : IClassFixture<BotEnvironment>, IAsyncLifetime
{
    protected BotEnvironment Env { get; } = env;

    protected BotHost Host { get; } = host;

    protected HttpClient Http { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Http = Host.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
