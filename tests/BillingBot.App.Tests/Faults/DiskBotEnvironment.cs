using BillingBot.App.Tests.Hosting;

namespace BillingBot.App.Tests.Faults;

/// <summary>A <see cref="BotEnvironment"/> whose Azurite keeps its tables on disk, shared by one test class.</summary>
public sealed class DiskBotEnvironment : IAsyncLifetime
{
    public BotEnvironment Env { get; } = BotEnvironment.OnDisk();

    public Task InitializeAsync() => Env.InitializeAsync();

    public Task DisposeAsync() => Env.DisposeAsync();
}
