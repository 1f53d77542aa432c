using BillingBot.App.Reminders;
using BillingBot.App.Tests.Hosting;
using BillingBot.App.Tests.Reminders;
using BillingBot.Protocol.State;
using BillingBot.Storage.Reminders;

namespace BillingBot.App.Tests.Faults;

/// <summary>
/// Table Storage stops during a reminder sweep and comes back with its data (Azurite on disk). Whatever the sweep had
/// done by then, the sweeps after it deliver every due reminder exactly once, and the ledger ends with one Sent row per
/// reminder that names the chat it went to.
/// </summary>
public sealed class StorageRestartReminderTests(DiskBotEnvironment fixture) : IClassFixture<DiskBotEnvironment>
{
    private const int Customers = 3;
    private static readonly DateOnly Today = ReminderWorld.Today;
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    // One customer at a time: the Nth delivery is the same one in every run.
    private static readonly Dictionary<string, string?> OneTenantAtATime = new() { ["Reminders:MaxParallelTenants"] = "1" };

    private BotEnvironment Env => fixture.Env;

    [Fact]
    public async Task A_sweep_while_storage_is_down_fails_whole_and_the_first_sweep_after_it_sends_every_reminder_once()
    {
        await using var world = await new ReminderWorld(Env).InitializeAsync();
        var (tenants, expected, chats) = await ArrangeAsync(world);
        var instance = world.StartInstance("one");

        await Env.Azurite.StopAsync();
        try
        {
            // The scheduler logs this and sweeps again at its next tick.
            await Assert.ThrowsAsync<StorageUnavailableException>(() => instance.SweepAsync(world.Time.GetUtcNow()));
        }
        finally
        {
            await Env.Azurite.StartAsync();
        }

        Assert.Empty(world.Delivered(tenants));
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var after = await instance.SweepAsync(world.Time.GetUtcNow());
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var again = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal(expected.Count, after.Sent);
        Assert.Equal(0, again.Claimed);
        await AssertEachOnceAsync(world, tenants, expected, chats);
    }

    [Fact]
    public async Task Storage_lost_after_Teams_accepted_a_reminder_keeps_its_outcome_until_storage_is_back_and_sends_nothing_twice()
    {
        await using var world = await new ReminderWorld(Env).InitializeAsync();
        var (tenants, expected, chats) = await ArrangeAsync(world);
        var hooks = new StorageCuttingHooks(Env.Azurite, StoragePoint.AfterSend, delivery: 3);
        var instance = world.StartInstance("one", hooks, OneTenantAtATime);

        ReminderSweepResult cut;
        try
        {
            cut = await instance.SweepAsync(world.Time.GetUtcNow());
        }
        finally
        {
            await Env.Azurite.StartAsync();
        }

        // Teams has three reminders; the third's outcome waits in memory, the rest were not even claimed.
        Assert.Equal(3, world.Delivered(tenants).Count);
        Assert.Equal((3, 1), (cut.Sent, cut.OutcomesPending));
        Assert.Contains(hooks.CutAt!, world.Delivered(tenants));

        world.Time.Advance(TimeSpan.FromMinutes(1));
        var after = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal((expected.Count - 3, 0), (after.Sent, after.TakenOver));
        await AssertEachOnceAsync(world, tenants, expected, chats);
    }

    [Fact]
    public async Task Storage_lost_after_a_claim_and_before_the_send_costs_that_reminder_one_claim_timeout_and_sends_nothing_twice()
    {
        await using var world = await new ReminderWorld(Env).InitializeAsync();
        var (tenants, expected, chats) = await ArrangeAsync(world);
        var hooks = new StorageCuttingHooks(Env.Azurite, StoragePoint.AfterClaim, delivery: 3);
        var instance = world.StartInstance("one", hooks, OneTenantAtATime);

        try
        {
            var cut = await instance.SweepAsync(world.Time.GetUtcNow());
            Assert.Equal((2, 1), (cut.Sent, cut.Failed));
        }
        finally
        {
            await Env.Azurite.StartAsync();
        }

        // Back a minute later: everything but the interrupted reminder goes; its claim is still live.
        world.Time.Advance(TimeSpan.FromMinutes(1));
        var after = await instance.SweepAsync(world.Time.GetUtcNow());
        Assert.DoesNotContain(hooks.CutAt!, world.Delivered(tenants));
        Assert.Equal(expected.Count - 3, after.Sent);

        world.Time.Advance(ClaimTimeout);
        var takeover = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal((1, 1), (takeover.TakenOver, takeover.Sent));
        var ledger = await AssertEachOnceAsync(world, tenants, expected, chats);
        Assert.Equal(2, ledger.Single(e => e.Delivery.Id == hooks.CutAt).Claims);
    }

    /// <summary>Each expected reminder reached Teams once, in its recipient's chat, and its ledger row says Sent there.</summary>
    private static async Task<List<ReminderLedgerEntry>> AssertEachOnceAsync(ReminderWorld world, string[] tenants, List<string> expected, Dictionary<string, string> chats)
    {
        Assert.Equal(expected.Order(StringComparer.Ordinal), world.Delivered(tenants).Order(StringComparer.Ordinal));
        foreach (var (chat, delivery) in chats)
        {
            Assert.Equal([delivery], world.TextsIn(chat));
        }

        var ledger = new List<ReminderLedgerEntry>();
        foreach (var tenant in tenants)
        {
            ledger.AddRange(await world.Ledger.ListForTenantAsync(tenant, CancellationToken.None));
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), ledger.Select(e => e.Delivery.Id).Order(StringComparer.Ordinal));
        Assert.All(ledger, e =>
        {
            Assert.Equal(ReminderLedgerState.Sent, e.State);
            Assert.Equal(chats.Single(c => c.Value == e.Delivery.Id).Key, e.SentTo!.ConversationId);
            Assert.False(string.IsNullOrEmpty(e.SentTo.ActivityId));
        });
        return ledger;
    }

    /// <summary>Three customers, each with an invoice due today for its two billing contacts, in chats of their own: six reminders.</summary>
    private static async Task<(string[] Tenants, List<string> Expected, Dictionary<string, string> Chats)> ArrangeAsync(ReminderWorld world)
    {
        var tenants = new List<string>();
        var expected = new List<string>();
        var chats = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Customers; i++)
        {
            var customer = await world.AddCustomerAsync($"Customer {i}", connect: false);
            var t = customer.TenantId;
            tenants.Add(t);
            await world.AddInvoiceAsync(t, "FV/2026/11/" + (500 + i), Today);
            foreach (var person in new[] { customer.Anna, customer.Piotr })
            {
                var delivery = $"{t}|FV/2026/11/{500 + i}|due|{person}";
                expected.Add(delivery);
                chats[await world.ConnectAsync(t, person)] = delivery;
            }
        }

        return ([.. tenants], expected, chats);
    }
}
