using BillingBot.App.Tests.Hosting;
using Xunit.Abstractions;

namespace BillingBot.App.Tests.Reminders;

/// <summary>
/// Three app instances (separate service providers and instance ids) sweep the same Azurite tables into one fake Teams
/// channel at the same time. Every reminder reaches Teams exactly once; with instances killed mid-sweep, none is lost
/// and a duplicate appears only for a kill between Teams accepting a reminder and the ledger recording it.
/// </summary>
public sealed class MultiInstanceReminderTests(BotEnvironment env, ITestOutputHelper output) : IClassFixture<BotEnvironment>
{
    private const int Customers = 12;
    private static readonly DateOnly Today = ReminderWorld.Today;
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    // One tenant at a time per instance: a kill then stops exactly one delivery, as the test counts.
    private static readonly Dictionary<string, string?> OneTenantAtATime = new() { ["Reminders:MaxParallelTenants"] = "1" };

    [Fact]
    public async Task Three_instances_sweeping_at_once_send_every_reminder_exactly_once_and_then_nothing()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var (tenants, expected) = await ArrangeAsync(world);
        var instances = new[] { "a", "b", "c" }.Select(id => world.StartInstance(id)).ToList();

        var first = await Task.WhenAll(instances.Select(i => i.SweepAsync(world.Time.GetUtcNow())));
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await Task.WhenAll(instances.Select(i => i.SweepAsync(world.Time.GetUtcNow())));

        var delivered = Deliveries(world, tenants);
        Assert.Equal(expected.Order(StringComparer.Ordinal), delivered.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, first.Sum(r => r.Sent + r.ApprovalsRequested));
        Assert.Equal(0, second.Sum(r => r.Claimed));
        output.WriteLine($"deliveries {expected.Count}; sent by instance {string.Join(", ", first.Select(r => r.Sent + r.ApprovalsRequested))}; duplicates 0; lost 0");
    }

    [Theory]
    [InlineData(CrashPoint.AfterClaim, CrashPoint.AfterClaim, 0)]
    [InlineData(CrashPoint.AfterClaim, CrashPoint.AfterSend, 1)]
    [InlineData(CrashPoint.AfterSend, CrashPoint.AfterSend, 2)]
    public async Task With_instances_killed_mid_sweep_the_survivor_completes_everything_after_the_claim_timeout_and_duplicates_come_only_from_kills_after_Teams_accepted(
        CrashPoint killA, CrashPoint killB, int expectedDuplicates)
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var (tenants, expected) = await ArrangeAsync(world);
        using var hooksA = new CrashingHooks(killA);
        using var hooksB = new CrashingHooks(killB);
        var a = world.StartInstance("a", hooksA, OneTenantAtATime);
        var b = world.StartInstance("b", hooksB, OneTenantAtATime);
        var c = world.StartInstance("c", settings: OneTenantAtATime);

        var sweeps = new[] { a.SweepAsync(world.Time.GetUtcNow(), hooksA.Token), b.SweepAsync(world.Time.GetUtcNow(), hooksB.Token), c.SweepAsync(world.Time.GetUtcNow()) };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sweeps[0]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sweeps[1]);
        var survivor = await sweeps[2];

        // The dead instances' claims are live until they time out: nobody sends those reminders yet.
        world.Time.Advance(TimeSpan.FromMinutes(1));
        var tooSoon = await c.SweepAsync(world.Time.GetUtcNow());
        var missing = expected.Except(Deliveries(world, tenants)).ToList();
        world.Time.Advance(ClaimTimeout);
        var takeover = await c.SweepAsync(world.Time.GetUtcNow());

        var counts = Deliveries(world, tenants).GroupBy(d => d, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var duplicated = counts.Where(p => p.Value > 1).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var killedInWindow = new[] { hooksA, hooksB }.Where(h => h.Point == CrashPoint.AfterSend).Select(h => h.CrashedOn!).Order(StringComparer.Ordinal).ToList();
        var lost = expected.Count(e => !counts.ContainsKey(e));

        Assert.Equal(0, lost);
        Assert.Equal(expected.Order(StringComparer.Ordinal), counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(counts.Values, n => Assert.InRange(n, 1, 2));
        Assert.Equal(expectedDuplicates, duplicated.Count);
        Assert.Equal(killedInWindow, duplicated);
        Assert.Equal(expected.Count + expectedDuplicates, counts.Values.Sum());
        Assert.Equal(0, tooSoon.Claimed);
        var killedBeforeSending = new[] { hooksA, hooksB }.Where(h => h.Point == CrashPoint.AfterClaim).Select(h => h.CrashedOn!).Order(StringComparer.Ordinal);
        Assert.Equal(killedBeforeSending, missing.Order(StringComparer.Ordinal));
        Assert.Equal((2, 2), (takeover.TakenOver, takeover.Sent + takeover.ApprovalsRequested));
        output.WriteLine(
            $"kills A={killA} B={killB}: deliveries {expected.Count}, reached Teams {counts.Values.Sum()} " +
            $"(survivor first sweep {survivor.Sent + survivor.ApprovalsRequested}, takeover {takeover.TakenOver}), duplicates {duplicated.Count}, lost {lost}");
    }

    /// <summary>
    /// Twelve customers, each with three invoices due at a stage today (before-7, due, after-3) for two billing
    /// contacts, and every fourth one an invoice at the suspension stage: 75 deliveries.
    /// </summary>
    private static async Task<(string[] Tenants, List<string> Expected)> ArrangeAsync(ReminderWorld world)
    {
        var tenants = new List<string>();
        var expected = new List<string>();
        for (var i = 0; i < Customers; i++)
        {
            var customer = await world.AddCustomerAsync($"Customer {i:00}", connect: false);
            var t = customer.TenantId;
            tenants.Add(t);
            await world.ConnectAsync(t, customer.Anna);
            await world.ConnectAsync(t, customer.Piotr);
            foreach (var (number, due, stage) in new[] { ("FV/2026/11/1", Today.AddDays(7), "before-7"), ("FV/2026/11/2", Today, "due"), ("FV/2026/11/3", Today.AddDays(-3), "after-3") })
            {
                await world.AddInvoiceAsync(t, number, due);
                expected.Add($"{t}|{number}|{stage}|{customer.Anna}");
                expected.Add($"{t}|{number}|{stage}|{customer.Piotr}");
            }

            if (i % 4 == 0)
            {
                await world.AddInvoiceAsync(t, "FV/2026/10/9", Today.AddDays(-30));
                expected.Add($"{t}|FV/2026/10/9|suspension-30|-");
            }
        }

        return ([.. tenants], expected);
    }

    /// <summary>Every delivery that left the bot: reminders Teams accepted, and suspension approvals requested.</summary>
    private static List<string> Deliveries(ReminderWorld world, string[] tenants) =>
        [.. world.Delivered(tenants), .. world.Suspensions.Requested.Where(r => tenants.Any(t => r.StartsWith(t + "|", StringComparison.Ordinal)))];
}
