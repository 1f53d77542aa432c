using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Protocol.State;
using BillingBot.Storage.Reminders;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.Storage.Tests.Reminders;

/// <summary>The ledger lets exactly one instance send a reminder, lets a dead instance's claim be taken over, and never two.</summary>
public sealed class ReminderLedgerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TableStore _tables = new(Options.Create(new StorageOptions
    {
        ConnectionString = azurite.ConnectionString,
        TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10],
    }));

    private TableReminderLedger Ledger => new(_tables, _time);

    public Task InitializeAsync() => _tables.EnsureTablesAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Of_many_instances_claiming_one_reminder_at_once_exactly_one_gets_it()
    {
        var delivery = Delivery("FV/2026/11/001", "due", "anna");

        var claims = await Task.WhenAll(Enumerable.Range(0, 9).Select(i => Ledger.TryClaimAsync(delivery, $"instance-{i % 3}", Timeout, CancellationToken.None)));

        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task A_live_claim_is_not_taken_over_and_a_stale_one_is_taken_over_by_exactly_one_instance()
    {
        var delivery = Delivery("FV/2026/11/002", "after-3", "anna");
        var first = await Ledger.TryClaimAsync(delivery, "dead", Timeout, CancellationToken.None);
        Assert.NotNull(first);

        _time.Advance(Timeout - TimeSpan.FromSeconds(1));
        var tooSoon = await Ledger.ClaimAsync(delivery, "survivor", Timeout, CancellationToken.None);
        Assert.Equal((true, false, "dead"), (tooSoon.IsBusy, tooSoon.IsDone, tooSoon.Found!.Owner));

        _time.Advance(TimeSpan.FromSeconds(1));
        var takeovers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Ledger.TryClaimAsync(delivery, $"survivor-{i}", Timeout, CancellationToken.None)));

        var taken = Assert.Single(takeovers, c => c is not null)!;
        Assert.Equal(2, taken.Claims);
    }

    [Fact]
    public async Task The_dead_instances_late_outcome_is_refused_once_its_claim_was_taken_over()
    {
        var delivery = Delivery("FV/2026/11/003", "before-7", "anna");
        var slow = (await Ledger.TryClaimAsync(delivery, "slow", Timeout, CancellationToken.None))!;
        _time.Advance(Timeout);
        var survivor = (await Ledger.TryClaimAsync(delivery, "survivor", Timeout, CancellationToken.None))!;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Ledger.RecordSentAsync(slow, new ReminderSentTo("1", "a:1", "https://smba.example/"), CancellationToken.None));
        var sent = await Ledger.RecordSentAsync(survivor, new ReminderSentTo("2", "a:1", "https://smba.example/"), CancellationToken.None);

        var stored = await Ledger.FindAsync(delivery, CancellationToken.None);
        Assert.Equal((ReminderLedgerState.Sent, "survivor", "2"), (stored!.State, stored.Owner, stored.SentTo!.ActivityId));
        Assert.True(sent.CardPending);
    }

    [Fact]
    public async Task A_recorded_reminder_is_never_claimed_again_however_old()
    {
        var delivery = Delivery("FV/2026/11/004", "due", "anna");
        var claim = (await Ledger.TryClaimAsync(delivery, "one", Timeout, CancellationToken.None))!;
        await Ledger.RecordSkippedAsync(claim, nameof(InvoiceStatus.Paid), CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(30));

        var again = await Ledger.ClaimAsync(delivery, "two", Timeout, CancellationToken.None);
        Assert.Equal((true, false, ReminderLedgerState.Skipped), (again.IsDone, again.IsBusy, again.Found!.State));
    }

    [Fact]
    public async Task The_history_of_an_invoice_lists_what_was_sent_oldest_first_and_nothing_skipped_or_of_other_invoices()
    {
        var tenant = Guid.NewGuid().ToString();
        await SendAsync(Delivery("FV/2026/11/005", "before-7", "anna", tenant));
        _time.Advance(TimeSpan.FromDays(6));
        await SendAsync(Delivery("FV/2026/11/005", "before-1", "anna", tenant));
        var skipped = (await Ledger.TryClaimAsync(Delivery("FV/2026/11/005", "before-1", "piotr", tenant), "one", Timeout, CancellationToken.None))!;
        await Ledger.RecordSkippedAsync(skipped, "Paid", CancellationToken.None);
        await SendAsync(Delivery("FV/2026/11/0051", "before-7", "anna", tenant));

        var history = await Ledger.ForInvoiceAsync(tenant, "FV/2026/11/005", CancellationToken.None);

        Assert.Equal(["before-7", "before-1"], history.Select(h => h.StageKey));
        Assert.All(history, h => Assert.Equal(("anna", ReminderKind.Upcoming), (h.RecipientObjectId, h.Kind)));
    }

    [Fact]
    public async Task A_card_update_is_claimed_by_one_instance_and_a_final_status_ends_its_updates()
    {
        var tenant = Guid.NewGuid().ToString();
        await SendAsync(Delivery("FV/2026/11/006", "due", "anna", tenant));
        var pending = Assert.Single(await Ledger.ListCardsPendingAsync(tenant, CancellationToken.None));

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Ledger.TryClaimCardAsync(pending, $"i{i}", Timeout, CancellationToken.None)));
        var claim = Assert.Single(claims, c => c is not null)!;
        await Ledger.RecordCardUpdatedAsync(claim, InvoiceStatus.Paid, isFinal: true, CancellationToken.None);

        Assert.Empty(await Ledger.ListCardsPendingAsync(tenant, CancellationToken.None));
        var stored = await Ledger.FindAsync(claim.Delivery, CancellationToken.None);
        Assert.Equal(InvoiceStatus.Paid, stored!.CardStatus);
    }

    [Fact]
    public async Task The_suspension_stage_is_one_delivery_without_a_recipient()
    {
        var reminder = new PlannedReminder(Guid.NewGuid().ToString(), "FV/2026/10/017", ReminderKind.Suspension, 30, new DateOnly(2026, 12, 13), "suspension-30", [new ReminderRecipient("anna", "pl")]);

        var delivery = Assert.Single(ReminderDelivery.Of(reminder));
        var claim = await Ledger.TryClaimAsync(delivery, "one", Timeout, CancellationToken.None);

        Assert.Null(delivery.Recipient);
        Assert.Null(claim!.Delivery.Recipient);
        Assert.Null(await Ledger.TryClaimAsync(delivery, "two", Timeout, CancellationToken.None));
    }

    private async Task SendAsync(ReminderDelivery delivery)
    {
        var claim = (await Ledger.TryClaimAsync(delivery, "one", Timeout, CancellationToken.None))!;
        await Ledger.RecordSentAsync(claim, new ReminderSentTo("17", "a:1", "https://smba.example/"), CancellationToken.None);
    }

    private static ReminderDelivery Delivery(string invoice, string stage, string recipient, string? tenant = null)
    {
        var kind = stage.StartsWith("before", StringComparison.Ordinal) ? ReminderKind.Upcoming
            : stage == "due" ? ReminderKind.DueToday
            : ReminderKind.Overdue;
        var reminder = new PlannedReminder(tenant ?? Guid.NewGuid().ToString(), invoice, kind, 0, new DateOnly(2026, 12, 1), stage, [new ReminderRecipient(recipient, "pl")]);
        return new ReminderDelivery(reminder, reminder.Recipients[0]);
    }
}
