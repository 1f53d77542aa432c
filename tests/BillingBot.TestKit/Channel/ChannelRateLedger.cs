using System.Globalization;

namespace BillingBot.TestKit.Channel;

/// <summary>
/// The fake channel's count of writes per conversation and per tenant: it measures peaks and, when limits are given, refuses a
/// write that would put more than a limit's count into any window ending at its arrival. Refused writes do not use up a limit.
/// </summary>
internal sealed class ChannelRateLedger
{
    // Written out here rather than taken from the client's constants, so that a wrong constant there is caught here.
    private static readonly (TimeSpan Window, int Limit)[] ConversationLimits =
    [
        (TimeSpan.FromSeconds(1), 7),
        (TimeSpan.FromSeconds(2), 8),
        (TimeSpan.FromSeconds(30), 60),
        (TimeSpan.FromHours(1), 1800),
    ];

    private static readonly TimeSpan TenantWindow = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Writes> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Writes> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tenantOfConversation = new(StringComparer.Ordinal);
    private readonly int[] _conversationPeaks = new int[ConversationLimits.Length];
    private readonly Dictionary<string, int> _tenantPeaks = new(StringComparer.Ordinal);
    private int _writes;
    private int _throttled;
    private long? _origin;

    /// <returns>Null when the write is accepted; otherwise how long until it would be, and which limit refused it.</returns>
    public (TimeSpan RetryAfter, string Limit)? Admit(TimeProvider clock, ChannelRateLimits? limits, string? conversationId, string? tenantId)
    {
        lock (_gate)
        {
            // Stamped under the lock, so that writes are counted in the order of their times.
            _origin ??= clock.GetTimestamp();
            var now = clock.GetElapsedTime(_origin.Value).Ticks;
            _writes++;

            // Teams knows every conversation's tenant; a delete names none, so remember it from earlier writes.
            if (conversationId is not null)
            {
                if (tenantId is not null)
                {
                    _tenantOfConversation[conversationId] = tenantId;
                }
                else
                {
                    tenantId = _tenantOfConversation.GetValueOrDefault(conversationId);
                }
            }

            var conversation = conversationId is null ? null : Get(_conversations, conversationId);
            var tenant = tenantId is null ? null : Get(_tenants, tenantId);
            conversation?.Arrive(now, ConversationLimits[^1].Window.Ticks);
            tenant?.Arrive(now, TenantWindow.Ticks);
            if (conversation is not null)
            {
                for (var i = 0; i < ConversationLimits.Length; i++)
                {
                    _conversationPeaks[i] = Math.Max(_conversationPeaks[i], conversation.ArrivedWithin(now, ConversationLimits[i].Window.Ticks));
                }
            }

            if (tenant is not null)
            {
                _tenantPeaks[tenantId!] = Math.Max(_tenantPeaks.GetValueOrDefault(tenantId!), tenant.ArrivedWithin(now, TenantWindow.Ticks));
            }

            if (limits is not null)
            {
                var refusal = Refusal(conversation, tenant, limits, now);
                if (refusal is not null)
                {
                    _throttled++;
                    return refusal;
                }
            }

            conversation?.Accept(now);
            tenant?.Accept(now);
            return null;
        }
    }

    public ChannelRateStatistics Snapshot()
    {
        lock (_gate)
        {
            return new ChannelRateStatistics(
                _writes,
                _throttled,
                _conversationPeaks[0],
                _conversationPeaks[1],
                _conversationPeaks[2],
                _conversationPeaks[3],
                new Dictionary<string, int>(_tenantPeaks, StringComparer.Ordinal));
        }
    }

    private static (TimeSpan RetryAfter, string Limit)? Refusal(Writes? conversation, Writes? tenant, ChannelRateLimits limits, long now)
    {
        (TimeSpan RetryAfter, string Limit)? refusal = null;
        void Check(Writes? writes, TimeSpan window, int limit, string scope)
        {
            if (writes?.FreeAt(now, window.Ticks, limit) is { } freeAt
                && (refusal is null || TimeSpan.FromTicks(freeAt - now) > refusal.Value.RetryAfter))
            {
                refusal = (TimeSpan.FromTicks(freeAt - now), string.Create(CultureInfo.InvariantCulture, $"{limit} per {window.TotalSeconds} s per {scope}"));
            }
        }

        foreach (var (window, limit) in ConversationLimits)
        {
            Check(conversation, window, limit, "conversation");
        }

        Check(tenant, TenantWindow, limits.TenantRequestsPerSecond, "tenant");
        return refusal;
    }

    private static Writes Get(Dictionary<string, Writes> all, string key)
    {
        if (!all.TryGetValue(key, out var writes))
        {
            writes = new Writes();
            all[key] = writes;
        }

        return writes;
    }

    /// <summary>Arrival times of one conversation's or tenant's writes, all of them and the accepted ones, oldest first.</summary>
    private sealed class Writes
    {
        private readonly List<long> _arrived = [];
        private readonly List<long> _accepted = [];

        public void Arrive(long now, long keepFor)
        {
            Forget(_arrived, now - keepFor);
            Forget(_accepted, now - keepFor);
            _arrived.Add(now);
        }

        public void Accept(long now) => _accepted.Add(now);

        /// <summary>Writes that arrived in the window (now - window, now].</summary>
        public int ArrivedWithin(long now, long window) => _arrived.Count - FirstAfter(_arrived, now - window);

        /// <summary>When the window will hold fewer than <paramref name="limit"/> accepted writes, or null if it does now.</summary>
        public long? FreeAt(long now, long window, int limit)
        {
            var inWindow = _accepted.Count - FirstAfter(_accepted, now - window);
            return inWindow < limit ? null : _accepted[_accepted.Count - limit] + window;
        }

        private static void Forget(List<long> times, long before)
        {
            var count = FirstAfter(times, before - 1);
            if (count > 0)
            {
                times.RemoveRange(0, count);
            }
        }

        private static int FirstAfter(List<long> times, long time)
        {
            int low = 0, high = times.Count;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (times[middle] <= time)
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
}
