using Azure;
using Azure.Data.Tables;
using BillingBot.Billing.Suspensions;
using BillingBot.Protocol.State;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Suspensions;

/// <summary>
/// Suspension cases in the Suspensions table, one partition per tenant (see <see cref="SuspensionKeys"/>). The "open"
/// row names the tenant's open case, so there is at most one; a case, the events a change adds and the "open" row are
/// written in one transaction, conditional on the case's ETag, so the audit trail never disagrees with the case.
/// </summary>
public sealed class TableSuspensionCases(TableStore tables) : ISuspensionCases
{
    private const int MaxAttempts = 8;

    private TableClient Table => tables.GetTable(TableStore.SuspensionsTable);

    public async Task<SuspensionCase?> FindAsync(string tenantId, string caseId, CancellationToken cancellationToken) =>
        (await LoadAsync(tenantId, caseId, cancellationToken).ConfigureAwait(false))?.Case;

    public async Task<SuspensionCase?> FindOpenAsync(string tenantId, CancellationToken cancellationToken)
    {
        var marker = await ReadMarkerAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return marker?.GetString("CaseId") is { Length: > 0 } caseId ? await FindAsync(tenantId, caseId, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task<SuspensionOutcome> OpenAsync(SuspensionCase proposed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(proposed.TenantId, proposed.CaseId, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return new SuspensionOutcome(existing, false);
            }

            var marker = await ReadMarkerAsync(proposed.TenantId, cancellationToken).ConfigureAwait(false);
            if (marker?.GetString("CaseId") is { Length: > 0 } openId && await FindAsync(proposed.TenantId, openId, cancellationToken).ConfigureAwait(false) is { } open)
            {
                return new SuspensionOutcome(open, false);
            }

            var markerRow = Marker(proposed.TenantId, proposed.CaseId);
            var actions = new List<TableTransactionAction>
            {
                marker is null
                    ? new(TableTransactionActionType.Add, markerRow)
                    : new(TableTransactionActionType.UpdateReplace, markerRow, marker.ETag),
                new(TableTransactionActionType.Add, SuspensionEntities.From(proposed)),
            };
            actions.AddRange(proposed.History.Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add, SuspensionEntities.From(proposed.TenantId, proposed.CaseId, i + 1, e))));
            if (await TrySubmitAsync(proposed.CaseId, actions, attempt, cancellationToken).ConfigureAwait(false))
            {
                return new SuspensionOutcome(proposed, true);
            }
        }
    }

    public async Task<SuspensionOutcome?> UpdateAsync(string tenantId, string caseId, Func<SuspensionCase, SuspensionCase?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            if (await LoadAsync(tenantId, caseId, cancellationToken).ConfigureAwait(false) is not { } loaded)
            {
                return null;
            }

            var (current, etag) = loaded;

            if (decide(current) is not { } changed || changed == current)
            {
                return new SuspensionOutcome(current, false);
            }

            if (changed.TenantId != current.TenantId || changed.CaseId != current.CaseId || changed.History.Count < current.History.Count)
            {
                throw new InvalidOperationException($"Suspension case {caseId}: a change may not move the case or rewrite its audit trail.");
            }

            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, SuspensionEntities.From(changed), etag) };
            actions.AddRange(changed.History.Skip(current.History.Count)
                .Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add, SuspensionEntities.From(tenantId, caseId, current.History.Count + i + 1, e))));
            if (changed.IsClosed && !current.IsClosed)
            {
                // Closing frees the tenant for a new case; an upsert, because a transaction cannot delete "if it exists".
                actions.Add(new(TableTransactionActionType.UpsertReplace, Marker(tenantId, string.Empty)));
            }

            if (await TrySubmitAsync(caseId, actions, attempt, cancellationToken).ConfigureAwait(false))
            {
                return new SuspensionOutcome(changed, true);
            }
        }
    }

    private static TableEntity Marker(string tenantId, string caseId) =>
        new(SuspensionKeys.Partition(tenantId), SuspensionKeys.OpenRow) { ["CaseId"] = caseId };

    /// <returns>False when someone else changed the partition first (the caller reads again and retries).</returns>
    private async Task<bool> TrySubmitAsync(string caseId, List<TableTransactionAction> actions, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await TableTransactions.SubmitAsync(Table, actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (StorageErrors.IsConflict(ex) || ex.Status == 404)
        {
            if (attempt >= MaxAttempts)
            {
                throw new ConcurrencyConflictException(caseId, ex);
            }

            return false;
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            throw StorageErrors.Translate(caseId, ex);
        }
    }

    private async Task<TableEntity?> ReadMarkerAsync(string tenantId, CancellationToken cancellationToken)
    {
        var response = await StorageErrors.GuardAsync(tenantId, () =>
            Table.GetEntityIfExistsAsync<TableEntity>(SuspensionKeys.Partition(tenantId), SuspensionKeys.OpenRow, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private async Task<(SuspensionCase Case, ETag ETag)?> LoadAsync(string tenantId, string caseId, CancellationToken cancellationToken)
    {
        var partition = SuspensionKeys.Partition(tenantId);
        var from = SuspensionKeys.CaseRow(caseId);
        var to = SuspensionKeys.CaseRangeEnd(caseId);
        var rows = await StorageErrors.GuardAsync(caseId, async () =>
        {
            var result = new List<TableEntity>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                result.Add(row);
            }

            return result;
        }).ConfigureAwait(false);
        var caseRow = rows.FirstOrDefault(r => r.RowKey == from);
        return caseRow is null ? null : (SuspensionEntities.ToCase(caseRow, rows.Where(r => r.RowKey != from)), caseRow.ETag);
    }
}
