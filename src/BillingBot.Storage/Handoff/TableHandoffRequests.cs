using Azure;
using Azure.Data.Tables;
using BillingBot.Billing.Handoff;
using BillingBot.Billing.Staff;
using BillingBot.Protocol.State;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Handoff;

/// <summary>
/// Hand-offs in Table Storage (see <see cref="HandoffKeys"/>). The request and the events a change adds are written in
/// one transaction conditional on the request's ETag, so of agents accepting at once exactly one wins, on any
/// instance. The channel and conversation rows are indexes written around that transaction: a reader checks what
/// they point to, so a row left behind by a crash is ignored rather than believed.
/// </summary>
public sealed class TableHandoffRequests(TableStore tables) : IHandoffRequests
{
    private const int MaxAttempts = 8;

    private TableClient Requests => tables.GetTable(TableStore.HandoffsTable);

    private TableClient ByChannel => tables.GetTable(TableStore.HandoffsByChannelTable);

    private TableClient ByConversation => tables.GetTable(TableStore.HandoffsByConversationTable);

    private TableClient Transcripts => tables.GetTable(TableStore.HandoffTranscriptsTable);

    public async Task<HandoffRequest?> FindAsync(string handoffId, CancellationToken cancellationToken) =>
        (await LoadAsync(handoffId, cancellationToken).ConfigureAwait(false))?.Request;

    public async Task<HandoffRoute?> RouteForConversationAsync(string customerConversationId, CancellationToken cancellationToken)
    {
        var row = await ReadRouteRowAsync(customerConversationId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : HandoffEntities.ToRoute(row) is { } route && IsOpen(route.State) ? route : null;
    }

    public async Task<HandoffRequest?> FindOpenByConversationAsync(string customerConversationId, CancellationToken cancellationToken)
    {
        var row = await ReadRouteRowAsync(customerConversationId, cancellationToken).ConfigureAwait(false);
        return row?.GetString("HandoffId") is { Length: > 0 } id && await FindAsync(id, cancellationToken).ConfigureAwait(false) is { IsOpen: true } open
            && open.CustomerConversationId == customerConversationId
            ? open
            : null;
    }

    public async Task<IReadOnlyList<HandoffRequest>> OpenInChannelAsync(string agentsChannelId, CancellationToken cancellationToken)
    {
        var partition = HandoffKeys.Partition(agentsChannelId);
        var ids = await StorageErrors.GuardAsync(agentsChannelId, async () =>
        {
            var result = new List<string>();
            await foreach (var row in ByChannel.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["HandoffId"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                result.Add(row.GetString("HandoffId"));
            }

            return result;
        }).ConfigureAwait(false);

        var requests = await Task.WhenAll(ids.Select(id => FindAsync(id, cancellationToken))).ConfigureAwait(false);
        return [.. requests.OfType<HandoffRequest>().Where(r => r.IsOpen && r.AgentsChannelId == agentsChannelId).OrderBy(r => r.RequestedAt)];
    }

    public async Task<HandoffOutcome> CreateAsync(HandoffRequest proposed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(proposed.HandoffId, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return new HandoffOutcome(existing, false);
            }

            var routeRow = await ReadRouteRowAsync(proposed.CustomerConversationId, cancellationToken).ConfigureAwait(false);
            if (routeRow?.GetString("HandoffId") is { Length: > 0 } openId && await FindAsync(openId, cancellationToken).ConfigureAwait(false) is { IsOpen: true } open)
            {
                return new HandoffOutcome(open, false);
            }

            // The conversation row is the lock: whoever claims it (or replaces a stale one) creates the hand-off.
            var route = HandoffEntities.Route(proposed);
            var claimed = await TryAsync(proposed.HandoffId, attempt, () => routeRow is null
                ? ByConversation.AddEntityAsync(route, cancellationToken)
                : ByConversation.UpdateEntityAsync(route, routeRow.ETag, TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
            if (!claimed)
            {
                continue;
            }

            if (proposed.IsOpen)
            {
                await GuardAsync(proposed.HandoffId, () => ByChannel.UpsertEntityAsync(HandoffEntities.ChannelRow(proposed), TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
            }

            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, HandoffEntities.From(proposed)) };
            actions.AddRange(proposed.History.Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add, HandoffEntities.From(proposed.HandoffId, i + 1, e))));
            if (await TrySubmitAsync(proposed.HandoffId, actions, attempt, cancellationToken).ConfigureAwait(false))
            {
                if (!proposed.IsOpen)
                {
                    await SyncIndexesAsync(proposed, cancellationToken).ConfigureAwait(false);
                }

                return new HandoffOutcome(proposed, true);
            }
        }
    }

    public async Task<HandoffOutcome?> UpdateAsync(string handoffId, Func<HandoffRequest, HandoffRequest?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            if (await LoadAsync(handoffId, cancellationToken).ConfigureAwait(false) is not { } loaded)
            {
                return null;
            }

            var (current, etag) = loaded;
            if (decide(current) is not { } changed || changed == current)
            {
                return new HandoffOutcome(current, false);
            }

            if (await TryReplaceAsync(current, changed, etag, attempt, cancellationToken).ConfigureAwait(false))
            {
                return new HandoffOutcome(changed, true);
            }
        }
    }

    public async Task<AcceptOutcome?> AcceptAsync(string handoffId, StaffMember agent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        for (var attempt = 1; ; attempt++)
        {
            if (await LoadAsync(handoffId, cancellationToken).ConfigureAwait(false) is not { } loaded)
            {
                return null;
            }

            var (current, etag) = loaded;
            var outcome = current.Accept(agent, at);
            if (outcome is not AcceptOutcome.Accepted accepted)
            {
                return outcome;
            }

            // Another agent's accept between our read and write fails the ETag; the next read tells who took it.
            if (await TryReplaceAsync(current, accepted.Request, etag, attempt, cancellationToken).ConfigureAwait(false))
            {
                return outcome;
            }
        }
    }

    public Task AppendTranscriptAsync(string handoffId, TranscriptEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return GuardAsync(handoffId, () => Transcripts.UpsertEntityAsync(HandoffEntities.From(handoffId, entry), TableUpdateMode.Replace, cancellationToken));
    }

    public Task<IReadOnlyList<TranscriptEntry>> TranscriptAsync(string handoffId, CancellationToken cancellationToken)
    {
        var partition = HandoffKeys.Partition(handoffId);
        return StorageErrors.GuardAsync(handoffId, async () =>
        {
            var result = new List<TranscriptEntry>();
            await foreach (var row in Transcripts.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                result.Add(HandoffEntities.ToTranscriptEntry(row));
            }

            return (IReadOnlyList<TranscriptEntry>)result;
        });
    }

    private static bool IsOpen(HandoffState state) =>
        state is HandoffState.Requested or HandoffState.Offered or HandoffState.Escalated or HandoffState.Accepted or HandoffState.Relaying;

    private static Task GuardAsync(string key, Func<Task<Response>> operation) => StorageErrors.GuardAsync(key, operation);

    private async Task<bool> TryReplaceAsync(HandoffRequest current, HandoffRequest changed, ETag etag, int attempt, CancellationToken cancellationToken)
    {
        if (changed.HandoffId != current.HandoffId || changed.CustomerConversationId != current.CustomerConversationId
            || changed.AgentsChannelId != current.AgentsChannelId || changed.History.Count < current.History.Count)
        {
            throw new InvalidOperationException($"Hand-off {current.HandoffId}: a change may not move the hand-off or rewrite its audit trail.");
        }

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, HandoffEntities.From(changed), etag) };
        actions.AddRange(changed.History.Skip(current.History.Count)
            .Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add, HandoffEntities.From(changed.HandoffId, current.History.Count + i + 1, e))));
        if (!await TrySubmitAsync(changed.HandoffId, actions, attempt, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await SyncIndexesAsync(changed, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Brings the conversation's route and the channel's list in line with a request just written. A route row is only
    /// replaced by a newer version of the same hand-off, so two changes finishing out of order leave the newer one.
    /// </summary>
    private async Task SyncIndexesAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await ReadRouteRowAsync(request.CustomerConversationId, cancellationToken).ConfigureAwait(false);
            if (row is null || row.GetString("HandoffId") != request.HandoffId || (row.GetInt32("EventCount") ?? 0) >= request.History.Count)
            {
                break;
            }

            var written = await TryAsync(request.HandoffId, 1, () => request.IsOpen
                ? ByConversation.UpdateEntityAsync(HandoffEntities.Route(request), row.ETag, TableUpdateMode.Replace, cancellationToken)
                : ByConversation.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken)).ConfigureAwait(false);
            if (written)
            {
                break;
            }
        }

        if (!request.IsOpen)
        {
            try
            {
                await ByChannel.DeleteEntityAsync(HandoffKeys.Partition(request.AgentsChannelId), HandoffKeys.Partition(request.HandoffId), ETag.All, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Already gone: another change closed it first.
            }
            catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
            {
                throw StorageErrors.Translate(request.HandoffId, ex);
            }
        }
    }

    /// <returns>False when the write lost a race (the caller reads again); throws after too many lost races.</returns>
    private static async Task<bool> TryAsync(string key, int attempt, Func<Task<Response>> write)
    {
        try
        {
            await write().ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (StorageErrors.IsConflict(ex) || ex.Status == 404)
        {
            return attempt < MaxAttempts ? false : throw new ConcurrencyConflictException(key, ex);
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            throw StorageErrors.Translate(key, ex);
        }
    }

    private async Task<bool> TrySubmitAsync(string key, List<TableTransactionAction> actions, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await TableTransactions.SubmitAsync(Requests, actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (StorageErrors.IsConflict(ex) || ex.Status == 404)
        {
            return attempt < MaxAttempts ? false : throw new ConcurrencyConflictException(key, ex);
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            throw StorageErrors.Translate(key, ex);
        }
    }

    private async Task<TableEntity?> ReadRouteRowAsync(string customerConversationId, CancellationToken cancellationToken)
    {
        var response = await StorageErrors.GuardAsync(customerConversationId, () =>
            ByConversation.GetEntityIfExistsAsync<TableEntity>(HandoffKeys.Partition(customerConversationId), HandoffKeys.OpenRow, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private async Task<(HandoffRequest Request, ETag ETag)?> LoadAsync(string handoffId, CancellationToken cancellationToken)
    {
        var partition = HandoffKeys.Partition(handoffId);
        var rows = await StorageErrors.GuardAsync(handoffId, async () =>
        {
            var result = new List<TableEntity>();
            await foreach (var row in Requests.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                result.Add(row);
            }

            return result;
        }).ConfigureAwait(false);
        var requestRow = rows.FirstOrDefault(r => r.RowKey == HandoffKeys.RequestRow);
        return requestRow is null ? null : (HandoffEntities.ToRequest(requestRow, rows.Where(r => r.RowKey != HandoffKeys.RequestRow)), requestRow.ETag);
    }
}
