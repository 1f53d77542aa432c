using BillingBot.Billing.Customers;
using BillingBot.TestKit.Azurite;
using static BillingBot.Storage.Tests.Billing.BillingStore;

namespace BillingBot.Storage.Tests.Billing;

/// <summary>Customers on Azurite: what is stored reads back the same, by tenant, and only customers are listed.</summary>
public sealed class CustomerRepositoryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly BillingStore _store = new(azurite);

    public Task InitializeAsync() => _store.Tables.EnsureTablesAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_customer_reads_back_as_stored_with_its_contacts()
    {
        var customer = Customer("00000000-0000-0000-0000-0000000000001");

        await _store.Customers.UpsertAsync(customer, CancellationToken.None);

        var read = await _store.Customers.FindAsync(customer.TenantId, CancellationToken.None);
        Assert.Equal(customer, read);
        Assert.Equal("Piotr Zieliński", read!.Contacts[1].Name);
        Assert.True(read.CanSeeAmounts("00000000-0000-0000-0000-0000000000020"));
    }

    [Fact]
    public async Task An_unknown_tenant_is_not_a_customer()
    {
        Assert.Null(await _store.Customers.FindAsync(NewTenant(), CancellationToken.None));
    }

    [Fact]
    public async Task Upserting_again_replaces_the_customer()
    {
        var tenant = NewTenant();
        await _store.Customers.UpsertAsync(Customer(tenant, "Old name"), CancellationToken.None);

        var renamed = new Customer(tenant, "Northwind Traders", "EUR", "en-GB", "Europe/London", 30, SupportPlan.Premium, []);
        await _store.Customers.UpsertAsync(renamed, CancellationToken.None);

        Assert.Equal(renamed, await _store.Customers.FindAsync(tenant, CancellationToken.None));
    }

    [Fact]
    public async Task The_list_holds_every_customer_by_name_and_nothing_else()
    {
        var store = new BillingStore(azurite);
        await store.Tables.EnsureTablesAsync(CancellationToken.None);
        var tenants = Enumerable.Range(0, 12).Select(_ => NewTenant()).ToList();
        await store.Customers.UpsertManyAsync([.. tenants.Select((t, i) => Customer(t, $"Customer {i:00}"))], CancellationToken.None);
        await store.Invoices.UpsertAsync(Invoice(tenants[0], "FV/2026/10/017"), CancellationToken.None);

        var listed = await store.Customers.ListAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"Customer {i:00}"), listed.Select(c => c.Name));
    }
}
