using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BillingBot.Storage.Tests.Tables;

/// <summary>
/// Where the tables are: a connection string (Azurite, an account with keys) or, in Azure, only the table endpoint, reached
/// with the app's managed identity. Start-up refuses anything else with a message naming the keys.
/// </summary>
public sealed class StorageConfigurationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public void Without_a_connection_string_or_a_table_endpoint_start_up_names_both_keys()
    {
        using var services = Services(new Dictionary<string, string?>());

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("ConnectionStrings:Storage", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:TableEndpoint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://billingbot.table.core.windows.net/")]
    [InlineData("billingbot.table.core.windows.net")]
    public void A_table_endpoint_that_is_not_an_https_address_is_refused(string endpoint)
    {
        using var services = Services(new Dictionary<string, string?> { ["Storage:TableEndpoint"] = endpoint });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:TableEndpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("https://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_endpoint_alone_is_enough_and_every_table_lives_in_that_account()
    {
        // No key, no connection string: the managed identity's token is asked for only when a table is first used.
        using var services = Services(new Dictionary<string, string?>
        {
            ["Storage:TableEndpoint"] = "https://stbillingbot.table.core.windows.net/",
            ["Storage:TablePrefix"] = "prod",
        });

        var tables = services.GetRequiredService<TableStore>();

        foreach (var name in TableStore.AllTables)
        {
            var table = tables.GetTable(name);
            Assert.Equal("stbillingbot", table.AccountName);
            Assert.Equal(new Uri("https://stbillingbot.table.core.windows.net/prod" + name), table.Uri);
        }
    }

    [Fact]
    public async Task With_both_set_the_connection_string_is_used()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        using var services = Services(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = azurite.ConnectionString,
            ["Storage:TableEndpoint"] = "https://stbillingbot.table.core.windows.net/",
            ["Storage:TablePrefix"] = prefix,
        });
        var tables = services.GetRequiredService<TableStore>();

        await tables.EnsureTablesAsync(CancellationToken.None);

        Assert.True(tables.GetTable(TableStore.BillingTable).Uri.IsLoopback);
        await tables.GetTable(TableStore.BillingTable).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r");
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddTableStorage(configuration).BuildServiceProvider();
    }
}
