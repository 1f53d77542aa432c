using BillingBot.App.Escalations;

namespace BillingBot.App.Tests.Tickets;

/// <summary>The dispatcher's hooks in the tests: a round can be awaited, so a test waits for the background service without sleeping.</summary>
public sealed class RoundSignal : TicketDispatchHooks
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<int> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _posted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a round of this instance has posted a ticket.</summary>
    public Task FirstPostAsync() => _posted.Task;

    /// <summary>Completes with the number posted when the next round (after this call) ends.</summary>
    public Task<int> NextRoundAsync()
    {
        lock (_gate)
        {
            return _next.Task;
        }
    }

    public override Task RoundCompletedAsync(int posted, CancellationToken cancellationToken)
    {
        TaskCompletionSource<int> done;
        lock (_gate)
        {
            done = _next;
            _next = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult(posted);
        if (posted > 0)
        {
            _posted.TrySetResult();
        }

        return Task.CompletedTask;
    }
}
