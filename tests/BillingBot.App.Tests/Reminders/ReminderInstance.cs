using BillingBot.App.Reminders;
using BillingBot.Storage.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Reminders;

/// <summary>One app instance of a reminder world: its own service provider and instance id, the world's tables and clock.</summary>
public sealed class ReminderInstance(string id, ServiceProvider services) : IAsyncDisposable
{
    public string Id { get; } = id;

    public IServiceProvider Services => services;

    public ReminderScheduler Scheduler => services.GetRequiredService<ReminderScheduler>();

    public TableReminderLedger Ledger => services.GetRequiredService<TableReminderLedger>();

    public Task<ReminderSweepResult> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => Scheduler.SweepAsync(now, cancellationToken);

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
