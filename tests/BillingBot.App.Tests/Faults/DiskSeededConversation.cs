using BillingBot.App.Tests.Conversations;

namespace BillingBot.App.Tests.Faults;

/// <summary>The seeded app (<see cref="SeededConversation"/>) on an Azurite that keeps its tables on disk: stopped and started, storage comes back with its data.</summary>
public sealed class DiskSeededConversation : IAsyncLifetime
{
    public SeededConversation App { get; } = SeededConversation.OnDisk();

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}
