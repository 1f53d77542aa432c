using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace BillingBot.Protocol.Connector;

/// <summary>
/// Keeps every write to Teams within Teams' documented limits, per conversation (<see cref="TeamsRateLimits.PerConversation"/>)
/// and per tenant (<see cref="ConnectorOptions.TenantRequestsPerSecond"/>). A permit books the earliest send time that keeps
/// every window of the conversation and of its tenant within its limit, and the caller waits for it; a 429 pauses both.
/// </summary>
/// <remarks>
/// One lock books the conversation and the tenant together: limiters chained one after the other would let a permit taken from
/// the first grow stale while the second makes the caller wait, and stale permits are how bursts slip through.
/// State is kept per conversation and per tenant only while it can still matter: up to the longest window (an hour) after the
/// last write, swept at most a minute later. So memory is bounded by the writes of the last hour.
/// </remarks>
public sealed class ConnectorRateLimiter : PartitionedRateLimiter<ConnectorTarget>
{
    /// <summary>
    /// The key of a keyed <see cref="TimeProvider"/> the limiter reads, when one is registered; otherwise the system clock.
    /// Teams counts real seconds, while the app's own TimeProvider may be a test's frozen or simulated business clock.
    /// </summary>
    public const string ClockServiceKey = "BillingBot.Connector.RateLimits";

    private static readonly long CleanupInterval = TimeSpan.FromMinutes(1).Ticks;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SendLog> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SendLog> _tenants = new(StringComparer.Ordinal);
    private readonly RateWindow[] _conversationWindows;
    private readonly RateWindow[] _tenantWindows;
    private readonly long _longestWindow;
    private readonly long _lateTolerance;
    private readonly TimeProvider _clock;
    private readonly long _origin;
    private readonly PartitionedRateLimiter<string> _conversationTurns;
    private readonly PartitionedRateLimiter<string> _tenantSlots;
    private readonly CancellationTokenSource _disposing = new();
    private long _nextCleanup;
    private long _successful;
    private long _failed;
    private bool _disposed;

    public ConnectorRateLimiter(IOptions<ConnectorOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var settings = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.TenantRequestsPerSecond, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.RateLimitMargin, TimeSpan.Zero, nameof(options));

        // Requests booked a window apart may arrive a little closer together after the network: the margin absorbs that.
        var margin = settings.RateLimitMargin;
        _conversationWindows = [.. TeamsRateLimits.PerConversation.Select(w => w with { Window = w.Window + margin })];
        var tenantWindow = TimeSpan.FromSeconds(1) + margin;

        // A tenant's writes are also spaced evenly (a token bucket of one), so that a sweep is a steady stream rather than a
        // burst at the start of every second: jitter on the way turns bursts into 429s. The sustained rate is the same.
        _tenantWindows =
        [
            new RateWindow(settings.TenantRequestsPerSecond, tenantWindow),
            new RateWindow(1, tenantWindow / settings.TenantRequestsPerSecond),
        ];
        _longestWindow = _conversationWindows.Concat(_tenantWindows).Max(w => w.Window.Ticks);
        _lateTolerance = margin.Ticks / 2;
        _clock = clock;
        _origin = clock.GetTimestamp();
        _nextCleanup = CleanupInterval;

        _conversationTurns = PartitionedRateLimiter.Create<string, string>(
            id => RateLimitPartition.GetConcurrencyLimiter(id, _ => Concurrency(1)), StringComparer.Ordinal);

        // A tenant's slots bound how far ahead its sends are booked (about two seconds), so a retry never queues behind a sweep.
        var slots = Math.Max(2, 2 * settings.TenantRequestsPerSecond);
        _tenantSlots = PartitionedRateLimiter.Create<string, string>(
            id => RateLimitPartition.GetConcurrencyLimiter(id, _ => Concurrency(slots)), StringComparer.Ordinal);
    }

    /// <summary>Conversations the limiter holds state for (its memory bound is the writes of the last hour).</summary>
    internal int TrackedConversations
    {
        get
        {
            lock (_gate)
            {
                return _conversations.Count;
            }
        }
    }

    internal int TrackedTenants
    {
        get
        {
            lock (_gate)
            {
                return _tenants.Count;
            }
        }
    }

    /// <summary>
    /// After a 429: nothing more goes to the conversation, nor to its tenant when known, until <paramref name="duration"/> has
    /// passed, including sends already waiting for their turn. Which of the two Teams throttled is not said, so both wait.
    /// </summary>
    public void Pause(ConnectorTarget target, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var until = Now() + Math.Max(0, duration.Ticks);
            var (conversation, tenant) = Logs(ResolveLocked(target), create: true);
            foreach (var log in new[] { conversation, tenant })
            {
                if (log is not null)
                {
                    log.PausedUntil = Math.Max(log.PausedUntil, until);
                }
            }
        }
    }

    /// <summary>The target with its tenant filled in when only the conversation was named and the limiter knows its tenant.</summary>
    public ConnectorTarget Resolve(ConnectorTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_gate)
        {
            return ResolveLocked(target);
        }
    }

    public override RateLimiterStatistics? GetStatistics(ConnectorTarget resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        lock (_gate)
        {
            var target = ResolveLocked(resource);
            var now = Now();
            var (conversation, tenant) = Logs(target, create: false);
            var available = int.MaxValue;
            if (target.ConversationId is not null)
            {
                available = Math.Min(available, conversation?.Available(now) ?? _conversationWindows.Min(w => w.Limit));
            }

            if (target.TenantId is not null)
            {
                available = Math.Min(available, tenant?.Available(now) ?? _tenantWindows.Min(w => w.Limit));
            }

            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = available,
                CurrentQueuedCount = (conversation ?? tenant)?.BookedAfter(now) ?? 0,
                TotalSuccessfulLeases = Interlocked.Read(ref _successful),
                TotalFailedLeases = Interlocked.Read(ref _failed),
            };
        }
    }

    /// <summary>
    /// Waits for the conversation's turn (one write at a time, in order), for room in its windows, then for one of the tenant's
    /// slots and room in the tenant's window; books nothing. Long waits happen here, outside the connector's timeouts.
    /// </summary>
    internal async ValueTask<ConnectorAdmission> AdmitAsync(ConnectorTarget target, CancellationToken cancellationToken)
    {
        var resolved = Resolve(target);
        RateLimitLease? turn = null;
        RateLimitLease? slot = null;
        try
        {
            if (resolved.ConversationId is { } conversationId)
            {
                turn = await Admit(_conversationTurns, conversationId, cancellationToken).ConfigureAwait(false);
                await WaitAsync(conversationId, null, book: false, cancellationToken).ConfigureAwait(false);
            }

            if (resolved.TenantId is { } tenantId)
            {
                slot = await Admit(_tenantSlots, tenantId, cancellationToken).ConfigureAwait(false);
                await WaitAsync(resolved.ConversationId, tenantId, book: false, cancellationToken).ConfigureAwait(false);
            }

            return new ConnectorAdmission(resolved, turn, slot);
        }
        catch
        {
            slot?.Dispose();
            turn?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Counts a create-conversation call against the conversation it created, which was unknown until Teams answered (Teams
    /// counts creates per conversation too). It cannot be held back beforehand, only counted so later writes respect it.
    /// </summary>
    internal void RecordCreated(string conversationId, string? tenantId)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = Now();
            var (conversation, _) = Logs(new ConnectorTarget(conversationId, null), create: true);
            conversation!.Prune(now - _longestWindow);
            conversation.Add(now);
            conversation.TenantId ??= tenantId;
        }
    }

    protected override RateLimitLease AttemptAcquireCore(ConnectorTarget resource, int permitCount)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var target = ResolveLocked(resource);
            var now = Now();
            Cleanup(now);
            var (conversation, tenant) = Logs(target, create: permitCount == 1);
            var due = EarliestAllowed(conversation, tenant, now);
            if (due > now)
            {
                Interlocked.Increment(ref _failed);
                return new ConnectorRateLease(false, TimeSpan.FromTicks(due - now));
            }

            if (permitCount == 1)
            {
                Book(conversation, tenant, target.TenantId, now, due);
                Interlocked.Increment(ref _successful);
            }

            return ConnectorRateLease.Acquired;
        }
    }

    /// <remarks>One permit is one request. Zero permits waits until one would be granted, and books nothing.</remarks>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(ConnectorTarget resource, int permitCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
        var target = Resolve(resource);
        return WaitAsync(target.ConversationId, target.TenantId, book: permitCount == 1, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _disposing.Cancel();
        _conversationTurns.Dispose();
        _tenantSlots.Dispose();
        _disposing.Dispose();
    }

    protected override ValueTask DisposeAsyncCore()
    {
        Dispose(true);
        return ValueTask.CompletedTask;
    }

    private static ConcurrencyLimiterOptions Concurrency(int permits) => new()
    {
        PermitLimit = permits,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };

    private static async ValueTask<RateLimitLease> Admit(PartitionedRateLimiter<string> limiter, string key, CancellationToken cancellationToken)
    {
        var lease = await limiter.AcquireAsync(key, 1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new ObjectDisposedException(nameof(ConnectorRateLimiter));
        }

        return lease;
    }

    private static long EarliestAllowed(SendLog? conversation, SendLog? tenant, long from)
    {
        var time = from;
        while (true)
        {
            var next = conversation?.EarliestAllowed(time) ?? time;
            next = tenant?.EarliestAllowed(next) ?? next;
            if (next == time)
            {
                return time;
            }

            time = next;
        }
    }

    private async ValueTask<RateLimitLease> WaitAsync(string? conversationId, string? tenantId, bool book, CancellationToken cancellationToken)
    {
        var target = new ConnectorTarget(conversationId, tenantId);
        while (true)
        {
            long now, due;
            SendLog? conversation, tenant;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                now = Now();
                Cleanup(now);
                (conversation, tenant) = Logs(target, create: book);
                due = EarliestAllowed(conversation, tenant, now);
                if (book)
                {
                    Book(conversation, tenant, tenantId, now, due);
                }
            }

            if (due == now)
            {
                Count(book, acquired: true);
                return ConnectorRateLease.Acquired;
            }

            try
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
                await Task.Delay(TimeSpan.FromTicks(due - now), _clock, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                if (book)
                {
                    Unbook(conversation, tenant, due);
                }

                cancellationToken.ThrowIfCancellationRequested();
                Count(book, acquired: false);
                return ConnectorRateLease.Refused;
            }

            if (!book)
            {
                // Look again: a 429 may have paused the target meanwhile.
                continue;
            }

            lock (_gate)
            {
                now = Now();
                var pausedUntil = Math.Max(conversation?.PausedUntil ?? long.MinValue, tenant?.PausedUntil ?? long.MinValue);
                if (pausedUntil <= now && now - due <= _lateTolerance)
                {
                    Interlocked.Increment(ref _successful);
                    return ConnectorRateLease.Acquired;
                }

                // Paused by a 429 while waiting, or woken so late that the booked time no longer spaces this send from the
                // next ones: give the time back and book again from now.
                conversation?.Remove(due);
                tenant?.Remove(due);
            }
        }
    }

    private void Book(SendLog? conversation, SendLog? tenant, string? tenantId, long now, long due)
    {
        conversation?.Prune(now - _longestWindow);
        tenant?.Prune(now - _longestWindow);
        conversation?.Add(due);
        tenant?.Add(due);
        if (conversation is not null && tenantId is not null)
        {
            conversation.TenantId = tenantId;
        }
    }

    private void Unbook(SendLog? conversation, SendLog? tenant, long due)
    {
        lock (_gate)
        {
            conversation?.Remove(due);
            tenant?.Remove(due);
        }
    }

    private void Count(bool booked, bool acquired)
    {
        if (booked)
        {
            Interlocked.Increment(ref acquired ? ref _successful : ref _failed);
        }
    }

    private ConnectorTarget ResolveLocked(ConnectorTarget target) =>
        target is { TenantId: null, ConversationId: { } id } && _conversations.TryGetValue(id, out var log) && log.TenantId is { } tenantId
            ? target with { TenantId = tenantId }
            : target;

    private (SendLog? Conversation, SendLog? Tenant) Logs(ConnectorTarget target, bool create) =>
        (Log(_conversations, target.ConversationId, _conversationWindows, create), Log(_tenants, target.TenantId, _tenantWindows, create));

    private static SendLog? Log(Dictionary<string, SendLog> logs, string? key, RateWindow[] windows, bool create)
    {
        if (key is null)
        {
            return null;
        }

        if (!logs.TryGetValue(key, out var log) && create)
        {
            log = new SendLog(windows);
            logs[key] = log;
        }

        return log;
    }

    private void Cleanup(long now)
    {
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now + CleanupInterval;
        foreach (var logs in new[] { _conversations, _tenants })
        {
            foreach (var (key, log) in logs)
            {
                log.Prune(now - _longestWindow);
                if (log.IsEmpty && log.PausedUntil <= now)
                {
                    logs.Remove(key);
                }
            }
        }
    }

    private long Now() => _clock.GetElapsedTime(_origin).Ticks;
}
