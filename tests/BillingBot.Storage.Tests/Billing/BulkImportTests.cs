using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Storage.Billing;
using BillingBot.Storage.References;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using Microsoft.Extensions.Options;
using static BillingBot.Storage.Tests.Billing.BillingStore;

namespace BillingBot.Storage.Tests.Billing;

/// <summary>
/// The bulk import writes exactly the rows the repositories write (customers, invoices, the due-date index, conversation
/// references), so the app reads a bulk-loaded store as its own; and the storage options' pipeline hook sees every request.
/// </summary>
public sealed class BulkImportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Bulk_loaded_rows_are_the_rows_the_repositories_write()
    {
        var (viaRepositories, viaImport) = (Store(), Store());
        await viaRepositories.EnsureTablesAsync(CancellationToken.None);
        await viaImport.EnsureTablesAsync(CancellationToken.None);
        var tenants = new[] { NewTenant(), NewTenant() };
        var customers = tenants.Select(t => Customer(t)).ToList();
        // 120 invoices of one tenant (more than one transaction) and due dates shared between the tenants.
        var invoices = tenants.SelectMany((t, n) => Enumerable.Range(0, n == 0 ? 120 : 3).Select(i =>
            Invoice(t, $"FV/2026/{i:D3}", issueDate: new DateOnly(2026, 1, 1).AddDays(i), status: i % 2 == 0 ? InvoiceStatus.Disputed : InvoiceStatus.Issued))).ToList();
        var references = tenants.Select(t => new StoredConversationReference(t, "user:" + t, new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            Conversation = new ConversationAccount { Id = "a:1" + t, ConversationType = "personal", TenantId = t },
        }, true, Now)).ToList();

        var references1 = new TableConversationReferenceStore(viaRepositories, new FixedClock(Now));
        foreach (var customer in customers)
        {
            await new TableCustomerRepository(viaRepositories).UpsertAsync(customer, CancellationToken.None);
        }

        await new TableInvoiceRepository(viaRepositories).UpsertManyAsync(invoices, CancellationToken.None);
        foreach (var reference in references)
        {
            await references1.SaveAsync(reference, CancellationToken.None);
        }

        var written = await new TableBulkImport(viaImport).ImportAsync(customers, invoices, references, Now, parallelism: 4, CancellationToken.None);

        Assert.Equal(customers.Count + (2 * invoices.Count) + references.Count, written);
        foreach (var table in new[] { TableStore.BillingTable, TableStore.InvoicesDueTable, TableStore.ConversationReferencesTable })
        {
            Assert.Equal(await RowsAsync(viaRepositories, table), await RowsAsync(viaImport, table));
        }

        var due = await new TableInvoiceRepository(viaImport).ListDueBetweenAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), CancellationToken.None);
        Assert.Equal(invoices.OrderBy(i => i.Number, StringComparer.Ordinal).ThenBy(i => i.TenantId, StringComparer.Ordinal),
            due.OrderBy(i => i.Number, StringComparer.Ordinal).ThenBy(i => i.TenantId, StringComparer.Ordinal));
        Assert.Equal(customers[0], await new TableCustomerRepository(viaImport).FindAsync(tenants[0], CancellationToken.None));
    }

    [Fact]
    public async Task A_pipeline_policy_in_the_storage_options_sees_every_table_request()
    {
        var counter = new CountingPolicy();
        var options = new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] };
        options.PipelinePolicies.Add(counter);
        var tables = new TableStore(Options.Create(options));
        await tables.EnsureTablesAsync(CancellationToken.None);
        var before = counter.Gets;

        await new TableCustomerRepository(tables).FindAsync(NewTenant(), CancellationToken.None);

        Assert.Equal(before + 1, counter.Gets);
    }

    private TableStore Store() => new(Options.Create(new StorageOptions
    {
        ConnectionString = azurite.ConnectionString,
        TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10],
    }));

    private static async Task<List<string>> RowsAsync(TableStore tables, string table)
    {
        var rows = new List<string>();
        await foreach (var entity in tables.GetTable(table).QueryAsync<TableEntity>(cancellationToken: CancellationToken.None))
        {
            rows.Add(string.Join(";", entity.Where(p => p.Key is not ("Timestamp" or "odata.etag")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class CountingPolicy : HttpPipelinePolicy
    {
        private int _gets;

        public int Gets => Volatile.Read(ref _gets);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Count(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Count(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Count(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Get)
            {
                Interlocked.Increment(ref _gets);
            }
        }
    }
}
