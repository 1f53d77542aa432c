using BillingBot.Protocol.State;
using BillingBot.TestKit.Azurite;
using static BillingBot.Storage.Tests.Billing.BillingStore;

namespace BillingBot.Storage.Tests.Billing;

/// <summary>With storage down, every billing read and write fails with the typed exception the bot turns into a message.</summary>
public sealed class BillingOutageTests
{
    [Fact]
    public async Task When_storage_is_down_the_repositories_throw_StorageUnavailableException()
    {
        // Its own Azurite: stopping a shared one would break the other classes' tests.
        await using var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var store = new BillingStore(azurite);
        await store.Tables.EnsureTablesAsync(CancellationToken.None);
        var tenant = NewTenant();
        await store.Invoices.UpsertAsync(Invoice(tenant, "FV/2026/10/017"), CancellationToken.None);

        await azurite.StopAsync();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.Customers.FindAsync(tenant, CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.Customers.UpsertManyAsync([Customer(tenant)], CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.Invoices.ListForCustomerAsync(tenant, CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.Invoices.UpsertAsync(Invoice(tenant, "FV/2026/10/018"), CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.Invoices.ListDueBetweenAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.Payments.UpsertAsync(Payment(tenant, "FV/2026/10/017", "P", 1m), CancellationToken.None));
    }
}
