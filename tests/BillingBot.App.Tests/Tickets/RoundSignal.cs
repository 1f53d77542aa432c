using BillingBot.App.Escalations;

namespace BillingBot.App.Tests.Tickets;

/// <summary>The dispatcher's hooks in the tests: a round that posts can be awaited, so a test waits for the background service without sleeping.</summary>
public sealed class RoundSignal : TicketDispatchHooks
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<int> _nextPost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the number posted when a round of this instance, ending after this call, posts something.</summary>
    public Task<int> NextPostAsync()
    {
        lock (_gate)
        {
            return _nextPost.Task;
        }
    }

    public override Task RoundCompletedAsync(int posted, CancellationToken cancellationToken)
    {
        if (posted == 0)
        {
            return Task.CompletedTask;
        }

        TaskCompletionSource<int> done;
        lock (_gate)
        {
            done = _nextPost;
            _nextPost = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult(posted);
        return Task.CompletedTask;
    }
}
