using Azure.Data.Tables;
using BillingBot.Billing.Invoices;
using BillingBot.Storage.Billing;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using static BillingBot.Storage.Tests.Billing.BillingStore;

namespace BillingBot.Storage.Tests.Billing;

/// <summary>
/// The due-date index's entries say what the invoices say (issue date, status, amounts) without reading them, follow
/// payments, and rows written before the index carried that state are still found through their invoices.
/// </summary>
public sealed class InvoiceDueEntryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateOnly Due = new(2026, 12, 15);
    private readonly BillingStore _store = new(azurite);

    public Task InitializeAsync() => _store.Tables.EnsureTablesAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_entry_is_the_invoice_as_stored_and_follows_its_payments()
    {
        var tenant = NewTenant();
        await _store.Invoices.UpsertManyAsync(
            [Invoice(tenant, "FV/2026/12/001", dueDate: Due), Invoice(tenant, "FV/2026/12/002", dueDate: Due, status: InvoiceStatus.Disputed)],
            CancellationToken.None);

        Assert.Equal(await StoredAsync(tenant, "FV/2026/12/001", "FV/2026/12/002"), await EntriesAsync(tenant));

        await _store.Payments.UpsertAsync(Payment(tenant, "FV/2026/12/001", "P-1", 230m), CancellationToken.None);
        var partly = Assert.Single(await EntriesAsync(tenant), e => e.Number == "FV/2026/12/001");
        Assert.Equal((InvoiceStatus.PartiallyPaid, 23_000L, 123_000L), (partly.Status, partly.AmountPaidMinor, partly.GrossMinor));

        await _store.Payments.UpsertAsync(Payment(tenant, "FV/2026/12/001", "P-2", 1000m), CancellationToken.None);
        Assert.Equal(InvoiceStatus.Paid, Assert.Single(await EntriesAsync(tenant), e => e.Number == "FV/2026/12/001").Status);
        Assert.Equal(await StoredAsync(tenant, "FV/2026/12/001", "FV/2026/12/002"), await EntriesAsync(tenant));
    }

    [Fact]
    public async Task Index_rows_written_before_entries_carried_the_state_are_read_through_their_invoices()
    {
        var tenant = NewTenant();
        await _store.Invoices.UpsertManyAsync([Invoice(tenant, "FV/2026/12/010", dueDate: Due), Invoice(tenant, "FV/2026/12/011", dueDate: Due.AddDays(3))], CancellationToken.None);
        var index = _store.Tables.GetTable(TableStore.InvoicesDueTable);
        var rowKey = BillingKeys.DueRow(tenant, "FV/2026/12/010");
        // The old shape: tenant and number only. And an old row left behind on a day the invoice is no longer due.
        await index.UpsertEntityAsync(new TableEntity("2026-12-15", rowKey) { ["TenantId"] = tenant, ["Number"] = "FV/2026/12/010" }, TableUpdateMode.Replace);
        await index.UpsertEntityAsync(new TableEntity("2026-12-16", rowKey) { ["TenantId"] = tenant, ["Number"] = "FV/2026/12/010" }, TableUpdateMode.Replace);

        Assert.Equal(await StoredAsync(tenant, "FV/2026/12/010", "FV/2026/12/011"), await EntriesAsync(tenant));
    }

    private async Task<List<InvoiceDueEntry>> EntriesAsync(string tenant) =>
        [.. (await _store.Invoices.ListDueEntriesBetweenAsync(Due, Due.AddDays(7), CancellationToken.None)).Where(e => e.TenantId == tenant)];

    private async Task<List<InvoiceDueEntry>> StoredAsync(string tenant, params string[] numbers)
    {
        var entries = new List<InvoiceDueEntry>();
        foreach (var number in numbers)
        {
            entries.Add(InvoiceDueEntry.Of((await _store.Invoices.FindAsync(tenant, number, CancellationToken.None))!));
        }

        return [.. entries.OrderBy(e => e.DueDate).ThenBy(e => e.Number, StringComparer.Ordinal)];
    }
}
