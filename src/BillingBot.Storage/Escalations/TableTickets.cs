using Azure;
using Azure.Data.Tables;
using BillingBot.Billing.Escalations;
using BillingBot.Protocol.State;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Escalations;

/// <summary>
/// Tickets in Table Storage (see <see cref="TicketKeys"/>): a ticket and the events a change adds are written in one
/// transaction conditional on its ETag. The status index gets the new status's row before that transaction and loses
/// the old one after, so a ticket is never missing from its work list; a reader drops rows whose ticket moved on.
/// </summary>
public sealed class TableTickets(TableStore tables) : ITickets
{
    private const int MaxAttempts = 8;

    private TableClient Tickets => tables.GetTable(TableStore.TicketsTable);

    private TableClient ByStatus => tables.GetTable(TableStore.TicketsByStatusTable);

    public async Task<Ticket?> FindAsync(string tenantId, string number, CancellationToken cancellationToken) =>
        (await LoadAsync(tenantId, number, cancellationToken).ConfigureAwait(false))?.Ticket;

    public async Task<IReadOnlyList<Ticket>> ForCustomerAsync(string tenantId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(tenantId, TicketKeys.Partition(tenantId), TicketKeys.AllTicketsFrom, TicketKeys.AllTicketsTo, cancellationToken).ConfigureAwait(false);
        var byNumber = rows.GroupBy(r => r.GetString("Number"), StringComparer.Ordinal);
        return [.. byNumber
            .Select(g => g.FirstOrDefault(TicketEntities.IsTicketRow) is { } ticket ? TicketEntities.ToTicket(ticket, g.Where(r => !TicketEntities.IsTicketRow(r))) : null)
            .OfType<Ticket>()
            .OrderBy(t => t.OpenedAt).ThenBy(t => t.Number, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<Ticket>> WithStatusAsync(TicketStatus status, CancellationToken cancellationToken)
    {
        var partition = TicketKeys.StatusPartition(status);
        var keys = await StorageErrors.GuardAsync(partition, async () =>
        {
            var result = new List<(string Tenant, string Number)>();
            await foreach (var row in ByStatus.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                result.Add((row.GetString("TenantId"), row.GetString("Number")));
            }

            return result;
        }).ConfigureAwait(false);

        var tickets = await Task.WhenAll(keys.Select(k => FindAsync(k.Tenant, k.Number, cancellationToken))).ConfigureAwait(false);
        return [.. tickets.OfType<Ticket>().Where(t => t.Status == status).OrderBy(t => t.ResponseDueBy ?? DateTimeOffset.MaxValue).ThenBy(t => t.OpenedAt)];
    }

    public async Task<TicketOutcome> OpenAsync(Ticket proposed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        await UpsertStatusRowAsync(proposed, cancellationToken).ConfigureAwait(false);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, TicketEntities.From(proposed)) };
        actions.AddRange(proposed.History.Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add, TicketEntities.From(proposed, i + 1, e))));
        if (await TrySubmitAsync(proposed.Number, actions, 1, cancellationToken).ConfigureAwait(false))
        {
            return new TicketOutcome(proposed, true);
        }

        var existing = await FindAsync(proposed.TenantId, proposed.Number, cancellationToken).ConfigureAwait(false)
            ?? throw new ConcurrencyConflictException(proposed.Number, new InvalidOperationException("The ticket could neither be added nor read."));
        return new TicketOutcome(existing, false);
    }

    public async Task<TicketOutcome?> UpdateAsync(string tenantId, string number, Func<Ticket, Ticket?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            if (await LoadAsync(tenantId, number, cancellationToken).ConfigureAwait(false) is not { } loaded)
            {
                return null;
            }

            var (current, etag) = loaded;
            if (decide(current) is not { } changed || changed == current)
            {
                return new TicketOutcome(current, false);
            }

            if (changed.TenantId != current.TenantId || changed.Number != current.Number || changed.History.Count < current.History.Count)
            {
                throw new InvalidOperationException($"Ticket {number}: a change may not move the ticket or rewrite its audit trail.");
            }

            if (changed.Status != current.Status)
            {
                await UpsertStatusRowAsync(changed, cancellationToken).ConfigureAwait(false);
            }

            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, TicketEntities.From(changed), etag) };
            actions.AddRange(changed.History.Skip(current.History.Count)
                .Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add, TicketEntities.From(changed, current.History.Count + i + 1, e))));
            if (!await TrySubmitAsync(number, actions, attempt, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (changed.Status != current.Status)
            {
                await DeleteStatusRowAsync(current, cancellationToken).ConfigureAwait(false);
            }

            return new TicketOutcome(changed, true);
        }
    }

    private Task UpsertStatusRowAsync(Ticket ticket, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync(ticket.Number, () => ByStatus.UpsertEntityAsync(TicketEntities.StatusRow(ticket), TableUpdateMode.Replace, cancellationToken));

    private async Task DeleteStatusRowAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        try
        {
            await ByStatus.DeleteEntityAsync(TicketKeys.StatusPartition(ticket.Status), TicketKeys.StatusRow(ticket.TenantId, ticket.Number), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: a concurrent change moved the ticket on from this status too.
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            throw StorageErrors.Translate(ticket.Number, ex);
        }
    }

    /// <returns>False when the write lost a race (the caller reads again); throws after too many lost races.</returns>
    private async Task<bool> TrySubmitAsync(string key, List<TableTransactionAction> actions, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await TableTransactions.SubmitAsync(Tickets, actions, cancellationToken).ConfigureAwait(false);
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

    private Task<List<TableEntity>> QueryAsync(string key, string partition, string from, string to, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync(key, async () =>
        {
            var result = new List<TableEntity>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
            await foreach (var row in Tickets.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                result.Add(row);
            }

            return result;
        });

    private async Task<(Ticket Ticket, ETag ETag)?> LoadAsync(string tenantId, string number, CancellationToken cancellationToken)
    {
        var from = TicketKeys.TicketRow(number);
        var rows = await QueryAsync(number, TicketKeys.Partition(tenantId), from, TicketKeys.TicketRangeEnd(number), cancellationToken).ConfigureAwait(false);
        var ticketRow = rows.FirstOrDefault(r => r.RowKey == from);
        return ticketRow is null ? null : (TicketEntities.ToTicket(ticketRow, rows.Where(r => r.RowKey != from)), ticketRow.ETag);
    }
}
