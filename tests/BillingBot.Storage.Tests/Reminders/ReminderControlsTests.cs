using BillingBot.Billing.Reminders;
using BillingBot.Storage.Reminders;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using Microsoft.Extensions.Options;

namespace BillingBot.Storage.Tests.Reminders;

/// <summary>What customers say about reminders is kept per tenant, the latest word wins, and postponements put the tenant on the watch list.</summary>
public sealed class ReminderControlsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly TableStore _tables = new(Options.Create(new StorageOptions
    {
        ConnectionString = azurite.ConnectionString,
        TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10],
    }));

    private TableReminderWatch Watch => new(_tables);

    private TableReminderControls Controls => new(_tables, Watch);

    public Task InitializeAsync() => _tables.EnsureTablesAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Everything_a_tenant_said_comes_back_in_one_read_and_nothing_of_another_tenant()
    {
        var tenant = Guid.NewGuid().ToString();
        await Controls.SavePromiseAsync(new PromiseToPay(tenant, "FV/2026/10/017", new DateOnly(2026, 12, 5), "anna", Now), CancellationToken.None);
        await Controls.SaveSnoozeAsync(new ReminderSnooze(tenant, "FV/2026/11/001", "anna", new DateOnly(2026, 12, 2), Now), CancellationToken.None);
        await Controls.SavePaymentClaimAsync(new PaymentClaim(tenant, "FV/2026/11/002", "piotr", Now, PaymentClaimStatus.Pending), CancellationToken.None);
        await Controls.SaveOptOutAsync(new ReminderOptOut(tenant, "FV/2026/11/003", "piotr", Now), CancellationToken.None);
        await Controls.SavePreferenceAsync(new ReminderPreference(tenant, "anna", "pl", Now), CancellationToken.None);
        await Controls.SavePreferenceAsync(new ReminderPreference(Guid.NewGuid().ToString(), "anna", "en", Now), CancellationToken.None);

        var set = await Controls.ForCustomerAsync(tenant, CancellationToken.None);

        Assert.Equal(new PromiseToPay(tenant, "FV/2026/10/017", new DateOnly(2026, 12, 5), "anna", Now), Assert.Single(set.Promises));
        Assert.Equal(new ReminderSnooze(tenant, "FV/2026/11/001", "anna", new DateOnly(2026, 12, 2), Now), Assert.Single(set.Snoozes));
        Assert.Equal(new PaymentClaim(tenant, "FV/2026/11/002", "piotr", Now, PaymentClaimStatus.Pending), Assert.Single(set.PaymentClaims));
        Assert.Equal(new ReminderOptOut(tenant, "FV/2026/11/003", "piotr", Now), Assert.Single(set.OptOuts));
        Assert.Equal(new ReminderPreference(tenant, "anna", "pl", Now), Assert.Single(set.Preferences));
    }

    [Fact]
    public async Task A_later_word_about_the_same_invoice_replaces_the_earlier_and_an_opt_out_can_be_taken_back()
    {
        var tenant = Guid.NewGuid().ToString();
        await Controls.SaveSnoozeAsync(new ReminderSnooze(tenant, "FV/2026/11/001", "anna", new DateOnly(2026, 12, 2), Now), CancellationToken.None);
        await Controls.SaveSnoozeAsync(new ReminderSnooze(tenant, "FV/2026/11/001", "anna", new DateOnly(2026, 12, 9), Now.AddHours(1)), CancellationToken.None);
        await Controls.SavePaymentClaimAsync(new PaymentClaim(tenant, "FV/2026/11/002", "anna", Now, PaymentClaimStatus.Pending), CancellationToken.None);
        await Controls.SavePaymentClaimAsync(new PaymentClaim(tenant, "FV/2026/11/002", "anna", Now, PaymentClaimStatus.Rejected), CancellationToken.None);
        await Controls.SaveOptOutAsync(new ReminderOptOut(tenant, "FV/2026/11/003", "anna", Now), CancellationToken.None);
        await Controls.RemoveOptOutAsync(tenant, "FV/2026/11/003", "anna", CancellationToken.None);
        await Controls.RemoveOptOutAsync(tenant, "FV/2026/11/003", "anna", CancellationToken.None);

        var set = await Controls.ForCustomerAsync(tenant, CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 12, 9), Assert.Single(set.Snoozes).Until);
        Assert.Equal(PaymentClaimStatus.Rejected, Assert.Single(set.PaymentClaims).Status);
        Assert.Empty(set.OptOuts);
    }

    [Fact]
    public async Task A_snooze_or_promise_watches_the_tenant_until_the_later_of_its_days()
    {
        var tenant = Guid.NewGuid().ToString();
        await Controls.SavePromiseAsync(new PromiseToPay(tenant, "FV/2026/10/017", new DateOnly(2026, 12, 20), "anna", Now), CancellationToken.None);
        await Controls.SaveSnoozeAsync(new ReminderSnooze(tenant, "FV/2026/11/001", "anna", new DateOnly(2026, 12, 2), Now), CancellationToken.None);

        var watched = Assert.Single(await Watch.ListAsync(CancellationToken.None), w => w.TenantId == tenant);

        Assert.Equal((new DateOnly(2026, 12, 21), "promise"), (watched.Until, watched.Reason));
    }

    [Fact]
    public async Task A_forgotten_watch_goes_unless_it_was_extended_after_it_was_read()
    {
        var tenant = Guid.NewGuid().ToString();
        var other = Guid.NewGuid().ToString();
        await Watch.WatchAsync(tenant, new DateOnly(2026, 12, 1), "snooze", CancellationToken.None);
        await Watch.WatchAsync(other, new DateOnly(2026, 12, 1), "snooze", CancellationToken.None);
        var read = await Watch.ListAsync(CancellationToken.None);
        await Watch.WatchAsync(other, new DateOnly(2026, 12, 31), "suspension", CancellationToken.None);

        foreach (var watched in read)
        {
            await Watch.ForgetAsync(watched, CancellationToken.None);
        }

        var left = Assert.Single(await Watch.ListAsync(CancellationToken.None));
        Assert.Equal((other, new DateOnly(2026, 12, 31)), (left.TenantId, left.Until));
    }

    [Fact]
    public async Task A_dispute_hold_is_kept_per_invoice_and_ticket_and_ending_it_watches_the_tenant_so_dunning_resumes()
    {
        var tenant = Guid.NewGuid().ToString();
        var hold = new DisputeHold(tenant, "FV/2026/10/017", "T-2026-0001", Now);
        await Controls.SaveDisputeHoldAsync(hold, CancellationToken.None);
        await Controls.SaveDisputeHoldAsync(hold, CancellationToken.None);
        await Controls.SaveDisputeHoldAsync(new DisputeHold(tenant, "FV/2026/10/017", "T-2026-0002", Now), CancellationToken.None);

        Assert.Equal(["T-2026-0001", "T-2026-0002"], (await Controls.ForCustomerAsync(tenant, CancellationToken.None)).DisputeHolds.Select(h => h.TicketNumber).Order());
        Assert.Equal(hold, (await Controls.ForCustomerAsync(tenant, CancellationToken.None)).DisputeHolds.Single(h => h.TicketNumber == "T-2026-0001"));

        await Controls.RemoveDisputeHoldAsync(tenant, "FV/2026/10/017", "T-2026-0001", Now.AddDays(3), CancellationToken.None);
        await Controls.RemoveDisputeHoldAsync(tenant, "FV/2026/10/017", "T-2026-0001", Now.AddDays(3), CancellationToken.None);

        Assert.Equal("T-2026-0002", Assert.Single((await Controls.ForCustomerAsync(tenant, CancellationToken.None)).DisputeHolds).TicketNumber);
        var watched = Assert.Single(await Watch.ListAsync(CancellationToken.None), w => w.TenantId == tenant);
        Assert.Equal(DateOnly.FromDateTime(Now.AddDays(4).UtcDateTime), watched.Until);
    }
}
