using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BillingBot.Storage.Tables;

/// <summary>Creates the tables at start-up. Storage that is down then does not stop the app; the health check reports it.</summary>
public sealed partial class TableInitializer(TableStore tables, ILogger<TableInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tables.EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            Log.TablesNotCreated(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(4001, LogLevel.Error, "Tables could not be created at start-up; storage is unreachable")]
        public static partial void TablesNotCreated(ILogger logger, Exception exception);
    }
}
