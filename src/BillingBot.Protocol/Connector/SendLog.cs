namespace BillingBot.Protocol.Connector;

/// <summary>
/// The send times booked for one conversation or one tenant (past ones and ones still waiting for their turn), in time order,
/// and the windows they must respect. Times are ticks on the limiter's clock.
/// </summary>
internal sealed class SendLog(IReadOnlyList<RateWindow> windows)
{
    private readonly List<long> _times = [];

    public bool IsEmpty => _times.Count == 0;

    /// <summary>No send before this time: the channel answered 429 with a Retry-After.</summary>
    public long PausedUntil { get; set; } = long.MinValue;

    /// <summary>For a conversation: its tenant, once a call has named it (a delete does not).</summary>
    public string? TenantId { get; set; }

    /// <summary>The earliest time at or after <paramref name="from"/> at which one more send keeps every window within its limit.</summary>
    public long EarliestAllowed(long from)
    {
        var time = Math.Max(from, PausedUntil);
        bool moved;
        do
        {
            moved = false;
            foreach (var window in windows)
            {
                var next = EarliestAllowed(window.Limit, window.Window.Ticks, time);
                if (next != time)
                {
                    time = next;
                    moved = true;
                }
            }
        }
        while (moved);

        return time;
    }

    public void Add(long time) => _times.Insert(UpperBound(time), time);

    public void Remove(long time)
    {
        var index = UpperBound(time) - 1;
        if (index >= 0 && _times[index] == time)
        {
            _times.RemoveAt(index);
        }
    }

    /// <summary>Forgets sends older than <paramref name="before"/>; they can no longer affect any window still to come.</summary>
    public void Prune(long before)
    {
        var count = UpperBound(before - 1);
        if (count > 0)
        {
            _times.RemoveRange(0, count);
        }
    }

    /// <summary>How many more sends the windows allow at <paramref name="now"/>, not counting sends booked for later.</summary>
    public int Available(long now)
    {
        if (PausedUntil > now)
        {
            return 0;
        }

        var upTo = UpperBound(now);
        var available = int.MaxValue;
        foreach (var window in windows)
        {
            var inWindow = upTo - UpperBound(now - window.Window.Ticks);
            available = Math.Min(available, Math.Max(0, window.Limit - inWindow));
        }

        return available;
    }

    public int BookedAfter(long now) => _times.Count - UpperBound(now);

    // L sends that lie closer together than the window forbid one more anywhere in (last - window, first + window): with it,
    // L + 1 sends would fit in one window. Blocks of L consecutive sends are scanned in time order, so both ends only grow.
    private long EarliestAllowed(int limit, long window, long time)
    {
        var count = _times.Count;
        for (var first = UpperBound(time - window); first + limit - 1 < count; first++)
        {
            var blockStart = _times[first];
            var blockEnd = _times[first + limit - 1];
            if (blockEnd - window >= time)
            {
                break;
            }

            if (blockEnd - blockStart < window && blockStart + window > time)
            {
                time = blockStart + window;
            }
        }

        return time;
    }

    // The index of the first time greater than the given one.
    private int UpperBound(long time)
    {
        int low = 0, high = _times.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_times[middle] <= time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
