using Azure.Data.Tables;
using BillingBot.Billing;
using BillingBot.Billing.Invoices;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using static BillingBot.Storage.Tests.Billing.BillingStore;

namespace BillingBot.Storage.Tests.Billing;

/// <summary>Invoices on Azurite: exact money, per-tenant isolation, newest first, and a due-date index kept in step.</summary>
public sealed class InvoiceRepositoryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly BillingStore _store = new(azurite);

    public Task InitializeAsync() => _store.Tables.EnsureTablesAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(0.10, 0.20)]
    [InlineData(1_016_260.97, 233_740.02)]
    [InlineData(0.01, 0)]
    public async Task Money_reads_back_to_the_grosz(decimal net, decimal tax)
    {
        var tenant = NewTenant();
        var invoice = Invoice(tenant, "FV/2026/10/017", net: net, tax: tax);

        await _store.Invoices.UpsertAsync(invoice, CancellationToken.None);

        var read = await _store.Invoices.FindAsync(tenant, "FV/2026/10/017", CancellationToken.None);
        Assert.Equal(invoice, read);
        Assert.Equal(new Money(net + tax, "PLN"), read!.Gross);
        Assert.Equal(1.5m, read.Lines[1].Quantity);
    }

    [Fact]
    public async Task The_gross_of_0_10_plus_0_20_is_exactly_0_30_and_a_million_keeps_its_grosze()
    {
        var tenant = NewTenant();
        await _store.Invoices.UpsertManyAsync(
        [
            Invoice(tenant, "FV/2026/10/001", net: 0.10m, tax: 0.20m),
            Invoice(tenant, "FV/2026/10/002", net: 1_250_000.99m, tax: 0m),
        ], CancellationToken.None);

        Assert.Equal(0.30m, (await _store.Invoices.FindAsync(tenant, "FV/2026/10/001", CancellationToken.None))!.Gross.Amount);
        Assert.Equal(1_250_000.99m, (await _store.Invoices.FindAsync(tenant, "FV/2026/10/002", CancellationToken.None))!.Gross.Amount);
    }

    [Fact]
    public async Task An_invoice_without_lines_or_PDF_reads_back_so()
    {
        var tenant = NewTenant();
        var invoice = new Invoice("INV-1", tenant, BillingPeriod.Month(2026, 9), new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31),
            new Money(10m, "EUR"), Money.Zero("EUR"), new Money(10m, "EUR"), new Money(10m, "EUR"), [], null, InvoiceStatus.Paid);

        await _store.Invoices.UpsertAsync(invoice, CancellationToken.None);

        Assert.Equal(invoice, await _store.Invoices.FindAsync(tenant, "INV-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_customer_sees_its_invoices_newest_first_and_never_another_tenants()
    {
        // "t1" is a prefix of "t10": a prefix match anywhere would leak one into the other.
        var tenant = "t1-" + Guid.NewGuid();
        var neighbour = tenant + "0";
        await _store.Invoices.UpsertManyAsync(
        [
            Invoice(tenant, "FV/2026/08/003", new DateOnly(2026, 8, 31)),
            Invoice(tenant, "FV/2026/10/017", new DateOnly(2026, 10, 30)),
            Invoice(tenant, "FV/2026/10/016", new DateOnly(2026, 10, 30)),
            Invoice(tenant, "FV/2026/09/011", new DateOnly(2026, 9, 30)),
            Invoice(neighbour, "FV/2026/10/017", new DateOnly(2026, 10, 30), net: 5m, tax: 0m),
            Invoice(neighbour, "FV/2026/11/001", new DateOnly(2026, 11, 2)),
        ], CancellationToken.None);
        await _store.Payments.UpsertAsync(Payment(tenant, "FV/2026/10/017", "PAY-1", 100m), CancellationToken.None);

        var invoices = await _store.Invoices.ListForCustomerAsync(tenant, CancellationToken.None);

        Assert.Equal(["FV/2026/10/017", "FV/2026/10/016", "FV/2026/09/011", "FV/2026/08/003"], invoices.Select(i => i.Number));
        Assert.All(invoices, i => Assert.Equal(tenant, i.TenantId));
        Assert.Equal(1230m, (await _store.Invoices.FindAsync(tenant, "FV/2026/10/017", CancellationToken.None))!.Gross.Amount);
        Assert.Equal(5m, (await _store.Invoices.FindAsync(neighbour, "FV/2026/10/017", CancellationToken.None))!.Gross.Amount);
    }

    [Fact]
    public async Task Open_invoices_are_those_still_owed_or_disputed_never_the_settled_history_or_another_tenants()
    {
        var tenant = "t1-" + Guid.NewGuid();
        var neighbour = tenant + "0";
        await _store.Invoices.UpsertManyAsync(
        [
            Invoice(tenant, "FV/2024/01/001", new DateOnly(2024, 1, 31)),
            Invoice(tenant, "FV/2026/08/003", new DateOnly(2026, 8, 31)),
            Invoice(tenant, "FV/2026/09/011", new DateOnly(2026, 9, 30)),
            Invoice(tenant, "FV/2026/09/012", new DateOnly(2026, 9, 30), status: InvoiceStatus.Disputed),
            Invoice(tenant, "FV/2026/10/016", new DateOnly(2026, 10, 30), status: InvoiceStatus.Cancelled),
            Invoice(tenant, "FV/2026/10/017", new DateOnly(2026, 10, 30)),
            Invoice(neighbour, "FV/2026/11/001", new DateOnly(2026, 11, 2)),
        ], CancellationToken.None);
        await _store.Payments.UpsertManyAsync(
        [
            Payment(tenant, "FV/2026/08/003", "PAY-1", 1230m),
            Payment(tenant, "FV/2026/10/017", "PAY-2", 1000m),
        ], CancellationToken.None);

        var open = await _store.Invoices.ListOpenForCustomerAsync(tenant, CancellationToken.None);

        // Paid in full (FV/2026/08/003) and cancelled (FV/2026/10/016) are settled; a part-payment leaves the rest owed.
        Assert.Equal(["FV/2026/10/017", "FV/2026/09/012", "FV/2026/09/011", "FV/2024/01/001"], open.Select(i => i.Number));
        Assert.Equal(230m, open[0].Outstanding.Amount);
        Assert.Equal(InvoiceStatus.Disputed, open[1].Status);
        Assert.Empty(await _store.Invoices.ListOpenForCustomerAsync("t1-absent-" + Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Invoices_due_in_a_range_come_from_every_tenant_by_due_date_and_none_outside_it()
    {
        var store = new BillingStore(azurite);
        await store.Tables.EnsureTablesAsync(CancellationToken.None);
        var (a, b) = (NewTenant(), NewTenant());
        await store.Invoices.UpsertManyAsync(
        [
            Invoice(a, "FV/2026/11/001", dueDate: new DateOnly(2026, 11, 30)),
            Invoice(a, "FV/2026/11/002", dueDate: new DateOnly(2026, 12, 1)),
            Invoice(a, "FV/2026/11/003", dueDate: new DateOnly(2026, 12, 8)),
            Invoice(a, "FV/2026/11/004", dueDate: new DateOnly(2026, 12, 9)),
            Invoice(b, "INV/7", dueDate: new DateOnly(2026, 12, 4), status: InvoiceStatus.Disputed),
        ], CancellationToken.None);

        var due = await store.Invoices.ListDueBetweenAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 8), CancellationToken.None);

        Assert.Equal(["FV/2026/11/002", "INV/7", "FV/2026/11/003"], due.Select(i => i.Number));
        Assert.Equal(InvoiceStatus.Disputed, due[1].Status);
        Assert.Single(await store.Invoices.ListDueBetweenAsync(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Invoices.ListDueBetweenAsync(new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 1), CancellationToken.None));
    }

    [Fact]
    public async Task When_a_due_date_moves_the_index_follows_and_keeps_no_stale_row()
    {
        var store = new BillingStore(azurite);
        await store.Tables.EnsureTablesAsync(CancellationToken.None);
        var tenant = NewTenant();
        await store.Invoices.UpsertAsync(Invoice(tenant, "FV/2026/10/017", dueDate: new DateOnly(2026, 11, 13)), CancellationToken.None);

        await store.Invoices.UpsertAsync(Invoice(tenant, "FV/2026/10/017", dueDate: new DateOnly(2026, 11, 27)), CancellationToken.None);
        await store.Invoices.UpsertManyAsync([Invoice(tenant, "FV/2026/10/017", dueDate: new DateOnly(2026, 12, 4)), Invoice(tenant, "FV/2026/10/018")], CancellationToken.None);

        var november = await store.Invoices.ListDueBetweenAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), CancellationToken.None);
        Assert.Equal(["FV/2026/10/018"], november.Select(i => i.Number));
        Assert.Equal(new DateOnly(2026, 12, 4), Assert.Single(await store.Invoices.ListDueBetweenAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), CancellationToken.None)).DueDate);
        Assert.Equal(["2026-11-13", "2026-12-04"], await IndexPartitionsAsync(store));
    }

    [Fact]
    public async Task Hundreds_of_invoices_of_one_customer_are_written_and_indexed()
    {
        var tenant = NewTenant();
        var start = new DateOnly(2025, 1, 1);
        var invoices = Enumerable.Range(1, 250).Select(i => Invoice(tenant, $"FV/2025/{i:000}", start.AddDays(i), start.AddDays(i + 14))).ToList();

        await _store.Invoices.UpsertManyAsync(invoices, CancellationToken.None);

        Assert.Equal(250, (await _store.Invoices.ListForCustomerAsync(tenant, CancellationToken.None)).Count);
        Assert.Equal(250, (await _store.Invoices.ListDueBetweenAsync(start, start.AddDays(300), CancellationToken.None)).Count(i => i.TenantId == tenant));
    }

    [Fact]
    public async Task Deleting_an_invoice_removes_its_payments_and_index_row_but_not_its_neighbours()
    {
        var tenant = NewTenant();
        await _store.Invoices.UpsertManyAsync([Invoice(tenant, "FV/1", dueDate: new DateOnly(2027, 3, 3)), Invoice(tenant, "FV/10", dueDate: new DateOnly(2027, 3, 3))], CancellationToken.None);
        await _store.Payments.UpsertManyAsync([Payment(tenant, "FV/1", "P1", 10m), Payment(tenant, "FV/10", "P1", 20m)], CancellationToken.None);

        await _store.Invoices.DeleteAsync(tenant, "FV/1", CancellationToken.None);
        await _store.Invoices.DeleteAsync(tenant, "FV/1", CancellationToken.None);

        Assert.Null(await _store.Invoices.FindAsync(tenant, "FV/1", CancellationToken.None));
        Assert.Empty(await _store.Payments.ListForInvoiceAsync(tenant, "FV/1", CancellationToken.None));
        Assert.Equal(20m, Assert.Single(await _store.Payments.ListForCustomerAsync(tenant, CancellationToken.None)).Amount.Amount);
        Assert.Equal(["FV/10"], (await _store.Invoices.ListDueBetweenAsync(new DateOnly(2027, 3, 3), new DateOnly(2027, 3, 3), CancellationToken.None)).Select(i => i.Number));
    }

    private static async Task<List<string>> IndexPartitionsAsync(BillingStore store)
    {
        var partitions = new List<string>();
        await foreach (var row in store.Tables.GetTable(TableStore.InvoicesDueTable).QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            partitions.Add(row.PartitionKey);
        }

        return partitions;
    }
}
