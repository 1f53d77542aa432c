using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace BillingBot.Storage.Tables;

/// <summary>
/// The tables of the app, from one <see cref="TableServiceClient"/>: a connection string when configured, otherwise
/// the table endpoint with DefaultAzureCredential (managed identity in Azure, no keys in settings).
/// </summary>
public sealed class TableStore
{
    public const string BotStateTable = "BotState";
    public const string ConversationReferencesTable = "ConversationReferences";
    public const string ActivityClaimsTable = "ActivityClaims";
    public const string BillingTable = "Billing";
    public const string InvoicesDueTable = "InvoicesDue";
    public const string ReminderLedgerTable = "ReminderLedger";
    public const string ReminderControlsTable = "ReminderControls";
    public const string ReminderWatchTable = "ReminderWatch";
    public const string SuspensionsTable = "Suspensions";
    public const string HandoffsTable = "Handoffs";
    public const string HandoffsByChannelTable = "HandoffsByChannel";
    public const string HandoffsByConversationTable = "HandoffsByConversation";
    public const string HandoffTranscriptsTable = "HandoffTranscripts";
    public const string TicketsTable = "Tickets";
    public const string TicketsByStatusTable = "TicketsByStatus";
    public const string TouchpointsTable = "Touchpoints";
    public const string StaffTable = "Staff";

    private readonly TableServiceClient _service;
    private readonly string _prefix;

    public TableStore(IOptions<StorageOptions> options)
    {
        var settings = options.Value;
        var clientOptions = new TableClientOptions();
        // Fail fast when storage is down: a turn must still answer within Teams' 15 seconds.
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.NetworkTimeout = settings.NetworkTimeout;
        foreach (var policy in settings.PipelinePolicies)
        {
            clientOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        _service = !string.IsNullOrWhiteSpace(settings.ConnectionString)
            ? new TableServiceClient(settings.ConnectionString, clientOptions)
            : settings.TableEndpoint is { } endpoint
                ? new TableServiceClient(endpoint, new DefaultAzureCredential(), clientOptions)
                : throw new InvalidOperationException("Storage is not configured: set ConnectionStrings:Storage or Storage:TableEndpoint.");
        _prefix = settings.TablePrefix;
    }

    /// <summary>Every table the app uses; created at start-up.</summary>
    public static IReadOnlyList<string> AllTables { get; } = [BotStateTable, ConversationReferencesTable, ActivityClaimsTable, BillingTable, InvoicesDueTable,
        ReminderLedgerTable, ReminderControlsTable, ReminderWatchTable, SuspensionsTable, HandoffsTable, HandoffsByChannelTable,
        HandoffsByConversationTable, HandoffTranscriptsTable, TicketsTable, TicketsByStatusTable, TouchpointsTable,
        StaffTable];

    public TableClient GetTable(string name) => _service.GetTableClient(_prefix + name);

    /// <summary>Creates the app's tables where they do not exist yet; storage that is down gives a StorageUnavailableException.</summary>
    public async Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        foreach (var table in AllTables)
        {
            await StorageErrors.GuardAsync(table, () => GetTable(table).CreateIfNotExistsAsync(cancellationToken)).ConfigureAwait(false);
        }
    }
}
