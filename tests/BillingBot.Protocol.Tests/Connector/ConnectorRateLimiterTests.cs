using System.Threading.RateLimiting;
using BillingBot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.Protocol.Tests.Connector;

public sealed class ConnectorRateLimiterTests : IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(100);

    // Without a tenant only the conversation's limits apply: the tenant's even spacing would otherwise stretch every burst.
    private static readonly ConnectorTarget Anna = new("a:anna", null);
    private static readonly ConnectorTarget Piotr = new("a:piotr", null);
    private static readonly ConnectorTarget AnnaAtTenant = new("a:anna", "tenant-a");
    private static readonly ConnectorTarget PiotrAtTenant = new("a:piotr", "tenant-a");

    private readonly FakeTimeProvider _clock = new();
    private readonly List<ConnectorRateLimiter> _limiters = [];

    public void Dispose()
    {
        foreach (var limiter in _limiters)
        {
            limiter.Dispose();
        }
    }

    [Fact]
    public async Task Given_seven_writes_to_a_conversation_When_an_eighth_comes_in_the_same_second_Then_it_waits_a_second()
    {
        var limiter = Limiter();
        Assert.All(Enumerable.Range(0, 7), _ => Assert.True(limiter.AttemptAcquire(Anna).IsAcquired));

        var refused = limiter.AttemptAcquire(Anna);
        var eighth = limiter.AcquireAsync(Anna).AsTask();
        _clock.Advance(Second + Margin - TimeSpan.FromTicks(1));
        var waitedTooLittle = eighth.IsCompleted;
        _clock.Advance(TimeSpan.FromTicks(1));

        Assert.False(refused.IsAcquired);
        Assert.Equal(Second + Margin, RetryAfter(refused));
        Assert.False(waitedTooLittle);
        Assert.True((await eighth.WaitAsync(Guard)).IsAcquired);
    }

    [Fact]
    public void Given_a_greedy_writer_to_one_conversation_Then_it_gets_Teams_limits_and_no_more()
    {
        var limiter = Limiter();

        var grants = GreedyGrants(limiter, _ => Anna, 1801);

        Assert.True(MostWithin(grants, TimeSpan.FromSeconds(1)) <= 7);
        Assert.True(MostWithin(grants, TimeSpan.FromSeconds(2)) <= 8);
        Assert.True(MostWithin(grants, TimeSpan.FromSeconds(30)) <= 60);
        Assert.True(MostWithin(grants, TimeSpan.FromHours(1)) <= 1800);

        // And no less: each limit is reached as soon as the ones before it allow.
        Assert.Equal(7, grants.Count(t => t == TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(2) + Margin, grants[8]);
        Assert.Equal(TimeSpan.FromSeconds(30) + Margin, grants[60]);
        Assert.Equal(TimeSpan.FromHours(1) + Margin, grants[1800]);
    }

    [Fact]
    public void Given_a_greedy_tenant_Then_its_writes_are_spaced_evenly_at_its_ceiling_and_other_tenants_do_not_wait()
    {
        var limiter = Limiter(tenantPerSecond: 30);

        var grants = GreedyGrants(limiter, i => new($"a:{i}", "tenant-a"), 91);
        var sameTenant = limiter.AttemptAcquire(new("a:next", "tenant-a"));
        var otherTenant = limiter.AttemptAcquire(new("a:other", "tenant-b"));

        Assert.InRange(MostWithin(grants, Second), 28, 30);
        Assert.All(grants.Zip(grants.Skip(1)), pair => Assert.Equal((Second + Margin) / 30, pair.Second - pair.First));
        Assert.False(sameTenant.IsAcquired);
        Assert.True(otherTenant.IsAcquired);
    }

    [Fact]
    public void Given_a_conversation_at_its_limit_Then_another_conversation_still_writes()
    {
        var limiter = Limiter();
        Assert.All(Enumerable.Range(0, 7), _ => Assert.True(limiter.AttemptAcquire(Anna).IsAcquired));

        Assert.False(limiter.AttemptAcquire(Anna).IsAcquired);
        Assert.True(limiter.AttemptAcquire(Piotr).IsAcquired);
    }

    [Fact]
    public void Given_an_unknown_tenant_Then_only_the_conversation_limit_applies()
    {
        var limiter = Limiter(tenantPerSecond: 1);

        var known = new[] { limiter.AttemptAcquire(new("a:1", "tenant-a")), limiter.AttemptAcquire(new("a:2", "tenant-a")) };
        var unknown = new[] { limiter.AttemptAcquire(new("a:3", null)), limiter.AttemptAcquire(new("a:4", null)) };

        Assert.Equal([true, false], known.Select(l => l.IsAcquired));
        Assert.Equal([true, true], unknown.Select(l => l.IsAcquired));
    }

    [Fact]
    public void Given_a_conversation_whose_tenant_was_named_once_When_a_delete_names_none_Then_the_tenant_still_counts_it()
    {
        var limiter = Limiter(tenantPerSecond: 1);
        Assert.True(limiter.AttemptAcquire(AnnaAtTenant).IsAcquired);

        var delete = limiter.AttemptAcquire(Anna);

        Assert.Equal("tenant-a", limiter.Resolve(Anna).TenantId);
        Assert.False(delete.IsAcquired);
    }

    [Fact]
    public async Task Given_a_write_waiting_for_its_turn_When_it_is_cancelled_Then_it_throws_and_gives_its_turn_back()
    {
        var limiter = Limiter();
        Assert.All(Enumerable.Range(0, 7), _ => Assert.True(limiter.AttemptAcquire(Anna).IsAcquired));
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(Anna, 1, cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Guard));
        var next = limiter.AcquireAsync(Anna).AsTask();
        _clock.Advance(Second + Margin);

        // Had the cancelled write kept its place, this one would be its ninth in two seconds and wait another second.
        Assert.True((await next.WaitAsync(Guard)).IsAcquired);
    }

    [Fact]
    public async Task Given_a_429_pause_Then_nothing_goes_to_the_conversation_or_its_tenant_before_it_ends_not_even_a_write_already_waiting()
    {
        var limiter = Limiter();
        Assert.True(limiter.AttemptAcquire(AnnaAtTenant).IsAcquired);
        var waiting = limiter.AcquireAsync(AnnaAtTenant).AsTask();

        limiter.Pause(AnnaAtTenant, TimeSpan.FromSeconds(5));
        var sameTenant = limiter.AttemptAcquire(PiotrAtTenant);
        var otherTenant = limiter.AttemptAcquire(new("a:jan", "tenant-b"));
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        var wentDuringPause = waiting.IsCompleted;
        var lease = await AdvanceUntilDone(waiting);

        Assert.Equal(TimeSpan.FromSeconds(5), RetryAfter(sameTenant));
        Assert.True(otherTenant.IsAcquired);
        Assert.False(wentDuringPause);
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public void Given_an_hour_and_a_minute_without_writes_Then_the_limiter_forgets_the_conversations_and_tenants()
    {
        var limiter = Limiter();
        GreedyGrants(limiter, i => new($"a:{i}", $"tenant-{i % 3}"), 100);

        var trackedBusy = (limiter.TrackedConversations, limiter.TrackedTenants);
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1) + Margin);
        Assert.True(limiter.AttemptAcquire(new("a:new", "tenant-new")).IsAcquired);

        Assert.Equal((100, 3), trackedBusy);
        Assert.Equal((1, 1), (limiter.TrackedConversations, limiter.TrackedTenants));
    }

    [Fact]
    public void Statistics_show_the_permits_left_and_the_writes_waiting()
    {
        var limiter = Limiter();
        Assert.All(Enumerable.Range(0, 5), _ => Assert.True(limiter.AttemptAcquire(Anna).IsAcquired));
        Assert.True(limiter.AttemptAcquire(Anna).IsAcquired);
        Assert.True(limiter.AttemptAcquire(Anna).IsAcquired);
        var waiting = limiter.AcquireAsync(Anna).AsTask();

        var statistics = limiter.GetStatistics(Anna)!;

        Assert.Equal(0, statistics.CurrentAvailablePermits);
        Assert.Equal(1, statistics.CurrentQueuedCount);
        Assert.Equal(7, statistics.TotalSuccessfulLeases);
        Assert.Equal(7, limiter.GetStatistics(Piotr)!.CurrentAvailablePermits);
        Assert.False(waiting.IsCompleted);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(30, 6000)]
    public void A_tenant_ceiling_below_one_or_a_margin_over_five_seconds_stops_start_up(int tenantPerSecond, int marginMilliseconds)
    {
        var services = new ServiceCollection().AddLogging().AddBotConnector();
        services.Configure<ConnectorOptions>(o =>
        {
            o.TenantRequestsPerSecond = tenantPerSecond;
            o.RateLimitMargin = TimeSpan.FromMilliseconds(marginMilliseconds);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value);

        Assert.Contains(tenantPerSecond < 1 ? nameof(ConnectorOptions.TenantRequestsPerSecond) : nameof(ConnectorOptions.RateLimitMargin), error.Message, StringComparison.Ordinal);
    }

    private static TimeSpan Second => TimeSpan.FromSeconds(1);

    private static TimeSpan Guard => TimeSpan.FromSeconds(10);

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : throw new InvalidOperationException("No Retry-After.");

    private static int MostWithin(IReadOnlyList<TimeSpan> times, TimeSpan window)
    {
        var most = 0;
        for (int start = 0, end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= window)
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return most;
    }

    private ConnectorRateLimiter Limiter(int tenantPerSecond = 30)
    {
        var limiter = new ConnectorRateLimiter(
            Options.Create(new ConnectorOptions { TenantRequestsPerSecond = tenantPerSecond, RateLimitMargin = Margin }),
            _clock);
        _limiters.Add(limiter);
        return limiter;
    }

    // Takes every permit the moment it is offered, and advances the clock to the time the limiter names when refused.
    private List<TimeSpan> GreedyGrants(ConnectorRateLimiter limiter, Func<int, ConnectorTarget> target, int count)
    {
        var start = _clock.GetTimestamp();
        var grants = new List<TimeSpan>(count);
        while (grants.Count < count)
        {
            var lease = limiter.AttemptAcquire(target(grants.Count));
            if (lease.IsAcquired)
            {
                grants.Add(_clock.GetElapsedTime(start));
            }
            else
            {
                _clock.Advance(RetryAfter(lease));
            }
        }

        return grants;
    }

    // The limiter's waits continue on the thread pool, so its next timer may be set after a single Advance: keep advancing.
    private async Task<RateLimitLease> AdvanceUntilDone(Task<RateLimitLease> waiting)
    {
        for (var step = 0; step < 10_000 && !waiting.IsCompleted; step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        return await waiting.WaitAsync(Guard);
    }
}
