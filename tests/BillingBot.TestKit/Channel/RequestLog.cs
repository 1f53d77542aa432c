using System.Text.Json.Nodes;

namespace BillingBot.TestKit.Channel;

/// <summary>
/// Thread-safe record of received requests and accepted activities, with awaitable count
/// thresholds so tests wait on the server instead of polling or sleeping.
/// </summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedRequest> _requests = [];
    private readonly List<JsonNode> _sentActivities = [];
    private readonly List<(int Target, TaskCompletionSource<IReadOnlyList<ReceivedRequest>> Done)> _waiters = [];
    private readonly List<(Func<IReadOnlyList<JsonNode>, bool> Condition, TaskCompletionSource Done)> _sentWaiters = [];

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<JsonNode> SentActivities
    {
        get
        {
            lock (_gate)
            {
                return [.. _sentActivities];
            }
        }
    }

    public void Add(ReceivedRequest request)
    {
        List<TaskCompletionSource<IReadOnlyList<ReceivedRequest>>> ready = [];
        IReadOnlyList<ReceivedRequest> snapshot;
        lock (_gate)
        {
            _requests.Add(request);
            snapshot = [.. _requests];
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Target <= _requests.Count)
                {
                    ready.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in ready)
        {
            done.TrySetResult(snapshot);
        }
    }

    public void AddSentActivity(JsonNode activity)
    {
        List<TaskCompletionSource> ready = [];
        lock (_gate)
        {
            _sentActivities.Add(activity);
            IReadOnlyList<JsonNode> snapshot = [.. _sentActivities];
            foreach (var waiter in _sentWaiters.Where(w => w.Condition(snapshot)).ToList())
            {
                _sentWaiters.Remove(waiter);
                ready.Add(waiter.Done);
            }
        }

        foreach (var done in ready)
        {
            done.TrySetResult();
        }
    }

    public async Task WaitForSentAsync(Func<IReadOnlyList<JsonNode>, bool> condition, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = (condition, done);
        lock (_gate)
        {
            if (condition([.. _sentActivities]))
            {
                return;
            }

            _sentWaiters.Add(waiter);
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
                _sentWaiters.Remove(waiter);
            }
        }
    }

    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(int count, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<IReadOnlyList<ReceivedRequest>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = (count, done);
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return [.. _requests];
            }

            _waiters.Add(waiter);
        }

        try
        {
            using (cancellationToken.Register(() => done.TrySetCanceled(cancellationToken)))
            {
                return await done.Task.ConfigureAwait(false);
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
