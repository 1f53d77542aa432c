namespace BillingBot.TestKit.Auth;

/// <summary>
/// A thread-safe counter whose thresholds can be awaited, so tests wait for background work
/// (such as a metadata refresh) without polling or sleeping.
/// </summary>
internal sealed class CountSignal
{
    private readonly Lock _gate = new();
    private readonly List<(int Target, TaskCompletionSource Done)> _waiters = [];
    private int _count;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Increment()
    {
        List<TaskCompletionSource> ready = [];
        lock (_gate)
        {
            _count++;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Target <= _count)
                {
                    ready.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        // Completed outside the lock; continuations run asynchronously anyway.
        foreach (var done in ready)
        {
            done.TrySetResult();
        }
    }

    public async Task WaitForAsync(int target, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = (target, done);
        lock (_gate)
        {
            if (_count >= target)
            {
                return;
            }

            _waiters.Add(waiter);
        }

        try
        {
            using (cancellationToken.Register(() => done.TrySetCanceled(cancellationToken)))
            {
                await done.Task.ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }
}
