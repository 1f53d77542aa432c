using BillingBot.Billing.Invoices;
using BillingBot.TestKit.Azurite;
using static BillingBot.Storage.Tests.Billing.BillingStore;

namespace BillingBot.Storage.Tests.Billing;

/// <summary>Payments on Azurite: recording one brings its invoice up to date, once, whoever records it at the same time.</summary>
public sealed class PaymentRepositoryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly BillingStore _store = new(azurite);
    private readonly string _tenant = NewTenant();

    public async Task InitializeAsync()
    {
        await _store.Tables.EnsureTablesAsync(CancellationToken.None);
        await _store.Invoices.UpsertManyAsync([Invoice(_tenant, "FV/2026/10/017"), Invoice(_tenant, "FV/2026/10/1")], CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_an_issued_invoice_When_payments_arrive_Then_it_becomes_partially_paid_and_then_paid()
    {
        await _store.Payments.UpsertAsync(Payment(_tenant, "FV/2026/10/017", "PAY-1", 0.10m), CancellationToken.None);
        var partly = await _store.Invoices.FindAsync(_tenant, "FV/2026/10/017", CancellationToken.None);

        await _store.Payments.UpsertAsync(Payment(_tenant, "FV/2026/10/017", "PAY-2", 1229.90m), CancellationToken.None);
        var paid = await _store.Invoices.FindAsync(_tenant, "FV/2026/10/017", CancellationToken.None);

        Assert.Equal(InvoiceStatus.PartiallyPaid, partly!.Status);
        Assert.Equal(1229.90m, partly.Outstanding.Amount);
        Assert.Equal(InvoiceStatus.Paid, paid!.Status);
        Assert.Equal(1230.00m, paid.AmountPaid.Amount);
    }

    [Fact]
    public async Task Recording_the_same_payment_twice_counts_it_once()
    {
        var payment = Payment(_tenant, "FV/2026/10/017", "PAY-1", 500m);

        await _store.Payments.UpsertAsync(payment, CancellationToken.None);
        await _store.Payments.UpsertManyAsync([payment, payment], CancellationToken.None);

        Assert.Equal(500m, (await _store.Invoices.FindAsync(_tenant, "FV/2026/10/017", CancellationToken.None))!.AmountPaid.Amount);
        Assert.Equal(payment, Assert.Single(await _store.Payments.ListForCustomerAsync(_tenant, CancellationToken.None)));
    }

    [Fact]
    public async Task A_payment_keeps_the_offset_it_was_received_with()
    {
        var receivedAt = new DateTimeOffset(2026, 11, 10, 23, 59, 59, TimeSpan.FromHours(1)).AddTicks(1234567);

        await _store.Payments.UpsertAsync(Payment(_tenant, "FV/2026/10/017", "PAY-1", 1m, receivedAt), CancellationToken.None);

        var read = Assert.Single(await _store.Payments.ListForInvoiceAsync(_tenant, "FV/2026/10/017", CancellationToken.None));
        Assert.Equal(TimeSpan.FromHours(1), read.ReceivedAt.Offset);
        Assert.Equal(receivedAt.Ticks, read.ReceivedAt.Ticks);
    }

    [Fact]
    public async Task A_payment_for_an_unknown_invoice_is_refused_and_nothing_of_the_batch_is_written()
    {
        var error = await Assert.ThrowsAsync<InvoiceNotFoundException>(() => _store.Payments.UpsertManyAsync(
            [Payment(_tenant, "FV/2026/10/017", "PAY-1", 10m), Payment(_tenant, "FV/2099/01/001", "PAY-2", 10m)], CancellationToken.None));

        Assert.Equal("FV/2099/01/001", error.Number);
        Assert.Empty(await _store.Payments.ListForCustomerAsync(_tenant, CancellationToken.None));
    }

    [Fact]
    public async Task The_payments_of_an_invoice_are_its_own_newest_first_even_when_one_number_prefixes_another()
    {
        var day = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        await _store.Payments.UpsertManyAsync(
        [
            Payment(_tenant, "FV/2026/10/1", "A", 1m, day),
            Payment(_tenant, "FV/2026/10/1", "B", 2m, day.AddDays(2)),
            Payment(_tenant, "FV/2026/10/017", "C", 3m, day.AddDays(1)),
        ], CancellationToken.None);

        Assert.Equal(["B", "A"], (await _store.Payments.ListForInvoiceAsync(_tenant, "FV/2026/10/1", CancellationToken.None)).Select(p => p.PaymentId));
        Assert.Equal(["B", "C", "A"], (await _store.Payments.ListForCustomerAsync(_tenant, CancellationToken.None)).Select(p => p.PaymentId));
        Assert.Empty(await _store.Payments.ListForCustomerAsync(NewTenant(), CancellationToken.None));
    }

    [Fact]
    public async Task Payments_for_many_invoices_at_once_update_each_invoice()
    {
        var tenant = NewTenant();
        await _store.Invoices.UpsertManyAsync([.. Enumerable.Range(1, 30).Select(i => Invoice(tenant, $"FV/2026/09/{i:000}"))], CancellationToken.None);

        await _store.Payments.UpsertManyAsync(
            [.. Enumerable.Range(1, 30).SelectMany(i => new[] { Payment(tenant, $"FV/2026/09/{i:000}", "P1", 1000m), Payment(tenant, $"FV/2026/09/{i:000}", "P2", i % 2 == 0 ? 230m : 100m) })],
            CancellationToken.None);

        var invoices = await _store.Invoices.ListForCustomerAsync(tenant, CancellationToken.None);
        Assert.Equal(15, invoices.Count(i => i.Status == InvoiceStatus.Paid));
        Assert.Equal(15, invoices.Count(i => i.Status == InvoiceStatus.PartiallyPaid && i.Outstanding.Amount == 130m));
    }

    [Fact]
    public async Task Two_payments_recorded_at_the_same_moment_are_both_counted()
    {
        await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            _store.Payments.UpsertAsync(Payment(_tenant, "FV/2026/10/017", $"PAY-{i}", 100m), CancellationToken.None)));

        Assert.Equal(600m, (await _store.Invoices.FindAsync(_tenant, "FV/2026/10/017", CancellationToken.None))!.AmountPaid.Amount);
    }
}
