using System.Collections.Concurrent;
using BillingBot.App.Reminders;

namespace BillingBot.App.Tests.Reminders;

/// <summary>Records what the billing team was told.</summary>
public sealed class RecordingBillingTeamNotifier : IBillingTeamNotifier
{
    public ConcurrentQueue<BillingTeamNotice> Notices { get; } = new();

    public Task NotifyAsync(BillingTeamNotice notice, CancellationToken cancellationToken)
    {
        Notices.Enqueue(notice);
        return Task.CompletedTask;
    }
}
