using Azure;
using Azure.Data.Tables;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Protocol.State;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Reminders;

/// <summary>
/// The reminder ledger in the ReminderLedger table: one row per reminder and recipient (PartitionKey = tenant, RowKey =
/// "{invoice}|{stage}|{recipient}"), so every question about a tenant's reminders is one partition.
/// </summary>
/// <remarks>
/// A delivery is claimed with a create-only insert, so of several instances exactly one gets it. A claim older than the
/// timeout is presumed dead (its instance crashed) and may be taken over, with if-match on its ETag so only one
/// instance takes it. The outcome is written with if-match by the claim's owner: a write that fails with
/// <see cref="ConcurrencyConflictException"/> means the claim was taken over meanwhile.
/// </remarks>
public sealed class TableReminderLedger(TableStore tables, TimeProvider time) : IReminderHistory
{
    private TableClient Table => tables.GetTable(TableStore.ReminderLedgerTable);

    /// <summary>
    /// Claims a delivery for an instance: a new claim, or a stale one taken over. Null when it is done already or
    /// another instance holds a live claim (<see cref="ClaimAsync"/> tells which).
    /// </summary>
    public async Task<ReminderLedgerEntry?> TryClaimAsync(ReminderDelivery delivery, string owner, TimeSpan claimTimeout, CancellationToken cancellationToken) =>
        (await ClaimAsync(delivery, owner, claimTimeout, cancellationToken).ConfigureAwait(false)).Claimed;

    /// <summary>Claims a delivery for an instance, or says what stands in the way: it is done, or claimed elsewhere and still live.</summary>
    public async Task<ReminderClaimResult> ClaimAsync(ReminderDelivery delivery, string owner, TimeSpan claimTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var now = time.GetUtcNow();
        var existing = await FindAsync(delivery, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            var claim = new ReminderLedgerEntry(delivery, ReminderLedgerState.Claimed, owner, now, 1, string.Empty);
            try
            {
                var response = await Table.AddEntityAsync(ReminderLedgerEntities.From(claim), cancellationToken).ConfigureAwait(false);
                return new ReminderClaimResult(claim with { ETag = response.Headers.ETag?.ToString() ?? string.Empty }, null);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Another instance claimed it between our read and our insert: theirs is live.
                return new ReminderClaimResult(null, null);
            }
            catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
            {
                throw StorageErrors.Translate(delivery.Id, ex);
            }
        }

        if (!existing.IsStaleClaim(now, claimTimeout))
        {
            return new ReminderClaimResult(null, existing);
        }

        try
        {
            return new ReminderClaimResult(await ReplaceAsync(existing with { Owner = owner, ClaimedAt = now, Claims = existing.Claims + 1 }, cancellationToken).ConfigureAwait(false), null);
        }
        catch (ConcurrencyConflictException)
        {
            // Another instance took the stale claim over first.
            return new ReminderClaimResult(null, existing);
        }
    }

    /// <summary>Records that Teams accepted the reminder. Throws <see cref="ConcurrencyConflictException"/> when the claim was taken over.</summary>
    public Task<ReminderLedgerEntry> RecordSentAsync(ReminderLedgerEntry claim, ReminderSentTo? sentTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var reminder = claim.Delivery.Reminder;
        return ReplaceAsync(claim with
        {
            State = ReminderLedgerState.Sent,
            CompletedAt = time.GetUtcNow(),
            SentTo = sentTo,
            CardPending = sentTo?.ActivityId is not null && reminder.InvoiceNumber is not null,
        }, cancellationToken);
    }

    /// <summary>Records that the reminder was not sent because its invoice is no longer owed (paid, cancelled, disputed).</summary>
    public Task<ReminderLedgerEntry> RecordSkippedAsync(ReminderLedgerEntry claim, string reason, CancellationToken cancellationToken) =>
        ReplaceAsync(claim with { State = ReminderLedgerState.Skipped, CompletedAt = time.GetUtcNow(), Reason = reason }, cancellationToken);

    /// <summary>Records that the recipient cannot be reached (bot removed or blocked); it is never retried.</summary>
    public Task<ReminderLedgerEntry> RecordUndeliverableAsync(ReminderLedgerEntry claim, string reason, CancellationToken cancellationToken) =>
        ReplaceAsync(claim with { State = ReminderLedgerState.Undeliverable, CompletedAt = time.GetUtcNow(), Reason = reason }, cancellationToken);

    /// <summary>
    /// Claims the update of a sent card for an instance; null when another instance is updating it (and its claim is
    /// younger than the timeout) or it changed meanwhile.
    /// </summary>
    public async Task<ReminderLedgerEntry?> TryClaimCardAsync(ReminderLedgerEntry entry, string owner, TimeSpan claimTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = time.GetUtcNow();
        if (entry.CardOwner is not null && entry.CardClaimedAt is { } claimedAt && now - claimedAt < claimTimeout)
        {
            return null;
        }

        try
        {
            return await ReplaceAsync(entry with { CardOwner = owner, CardClaimedAt = now }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    /// <summary>Records that the card now shows the invoice's status; a final status (paid, cancelled) ends its updates.</summary>
    public Task<ReminderLedgerEntry> RecordCardUpdatedAsync(ReminderLedgerEntry claim, InvoiceStatus? shows, bool isFinal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return ReplaceAsync(claim with
        {
            CardStatus = shows,
            CardUpdatedAt = time.GetUtcNow(),
            CardPending = !isFinal,
            CardOwner = null,
            CardClaimedAt = null,
        }, cancellationToken);
    }

    /// <summary>The ledger row of a delivery, or null when it was never claimed.</summary>
    public async Task<ReminderLedgerEntry?> FindAsync(ReminderDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var response = await StorageErrors.GuardAsync(delivery.Id, () => Table.GetEntityIfExistsAsync<TableEntity>(
            ReminderKeys.Partition(delivery.Reminder.TenantId), ReminderLedgerEntities.Row(delivery), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return response.HasValue ? ReminderLedgerEntities.ToEntry(response.Value!) : null;
    }

    /// <summary>Sent reminders of a tenant whose card may still change with its invoice (a filtered query of one partition).</summary>
    public Task<IReadOnlyList<ReminderLedgerEntry>> ListCardsPendingAsync(string tenantId, CancellationToken cancellationToken)
    {
        var partition = ReminderKeys.Partition(tenantId);
        return QueryAsync(tenantId, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and CardPending eq {true}"), cancellationToken);
    }

    /// <summary>Every ledger row of a tenant: for administration and tests, not for a sweep.</summary>
    public Task<IReadOnlyList<ReminderLedgerEntry>> ListForTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var partition = ReminderKeys.Partition(tenantId);
        return QueryAsync(tenantId, TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderHistoryEntry>> ForInvoiceAsync(string tenantId, string invoiceNumber, CancellationToken cancellationToken)
    {
        var partition = ReminderKeys.Partition(tenantId);
        var from = ReminderKeys.LedgerInvoicePrefix(invoiceNumber);
        var to = ReminderKeys.PrefixEnd(from);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
        var rows = await QueryAsync(tenantId, filter, cancellationToken).ConfigureAwait(false);
        return [.. rows
            .Where(r => r.State == ReminderLedgerState.Sent && r.Delivery.Recipient is not null)
            .Select(r => new ReminderHistoryEntry(
                tenantId,
                invoiceNumber,
                r.Delivery.Reminder.Kind,
                r.Delivery.Reminder.StageKey,
                r.Delivery.Recipient!.ObjectId,
                r.CompletedAt ?? r.ClaimedAt))
            .OrderBy(e => e.SentAt)
            .ThenBy(e => e.RecipientObjectId, StringComparer.Ordinal)];
    }

    private async Task<ReminderLedgerEntry> ReplaceAsync(ReminderLedgerEntry entry, CancellationToken cancellationToken)
    {
        var entity = ReminderLedgerEntities.From(entry);
        var response = await StorageErrors.GuardAsync(entry.Delivery.Id, () =>
            Table.UpdateEntityAsync(entity, new ETag(entry.ETag), TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
        return entry with { ETag = response.Headers.ETag?.ToString() ?? string.Empty };
    }

    private async Task<IReadOnlyList<ReminderLedgerEntry>> QueryAsync(string key, string filter, CancellationToken cancellationToken) =>
        await StorageErrors.GuardAsync(key, async () =>
        {
            var result = new List<ReminderLedgerEntry>();
            await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                result.Add(ReminderLedgerEntities.ToEntry(entity));
            }

            return (IReadOnlyList<ReminderLedgerEntry>)result;
        }).ConfigureAwait(false);
}
