using BillingBot.Storage.Tables;

namespace BillingBot.App.Commands;

/// <summary>`seed`: prepares storage and loads the demo data set (the billing data arrives with the billing data model).</summary>
public static class SeedCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var tables = services.GetRequiredService<TableStore>();
        await tables.EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Tables ready: {string.Join(", ", TableStore.AllTables)}.").ConfigureAwait(false);
        return 0;
    }
}
