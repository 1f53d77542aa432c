using Azure;
using Azure.Data.Tables;
using BillingBot.Billing.Reminders;
using BillingBot.Protocol.State;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Reminders;

/// <summary>
/// What customers said about their reminders, in the ReminderControls table: PartitionKey = tenant, RowKey =
/// "promise|{invoice}|{person}", "snooze|…", "claim|…", "optout|…" or "preference|{person}", so a later save by the
/// same person about the same invoice replaces the earlier one and a tenant's controls are one partition.
/// </summary>
/// <remarks>
/// A snooze, promise or payment claim postpones reminders past the days the sweep looks at by due date, so saving one
/// also puts the tenant on the <see cref="TableReminderWatch"/> until the postponement ends.
/// </remarks>
public sealed class TableReminderControls(TableStore tables, TableReminderWatch watch) : IReminderControls
{
    /// <summary>
    /// A pending payment claim keeps its tenant watched this long: longer than any sensible dunning pause, so the
    /// reminders it held back are planned again when the pause ends, whatever the policy's pause is.
    /// </summary>
    public const int PaymentClaimWatchDays = 21;

    private const string Promise = "promise";
    private const string Snooze = "snooze";
    private const string Claim = "claim";
    private const string OptOut = "optout";
    private const string Preference = "preference";
    private const string Dispute = "dispute";

    private TableClient Table => tables.GetTable(TableStore.ReminderControlsTable);

    public async Task<ReminderControlSet> ForCustomerAsync(string tenantId, CancellationToken cancellationToken)
    {
        var partition = ReminderKeys.Partition(tenantId);
        var rows = await StorageErrors.GuardAsync(tenantId, async () =>
        {
            var result = new List<TableEntity>();
            await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                result.Add(entity);
            }

            return result;
        }).ConfigureAwait(false);

        var byType = rows.ToLookup(r => r.GetString("Type"), StringComparer.Ordinal);
        return new ReminderControlSet(
            [.. byType[Promise].Select(r => new PromiseToPay(tenantId, r.GetString("InvoiceNumber"), ReminderKeys.ParseDate(r.GetString("PromisedDate")), r.GetString("ObjectId"), At(r, "MadeAt")))],
            [.. byType[Snooze].Select(r => new ReminderSnooze(tenantId, r.GetString("InvoiceNumber"), r.GetString("ObjectId"), ReminderKeys.ParseDate(r.GetString("Until")), At(r, "MadeAt")))],
            [.. byType[Claim].Select(r => new PaymentClaim(tenantId, r.GetString("InvoiceNumber"), r.GetString("ObjectId"), At(r, "ClaimedAt"), Enum.Parse<PaymentClaimStatus>(r.GetString("Status"))))],
            [.. byType[OptOut].Select(r => new ReminderOptOut(tenantId, r.GetString("InvoiceNumber"), r.GetString("ObjectId"), At(r, "MadeAt")))],
            [.. byType[Preference].Select(r => new ReminderPreference(tenantId, r.GetString("ObjectId"), r.GetString("Language"), At(r, "UpdatedAt")))])
        {
            DisputeHolds = [.. byType[Dispute].Select(r => new DisputeHold(tenantId, r.GetString("InvoiceNumber"), r.GetString("ObjectId"), At(r, "Since")))],
        };
    }

    public async Task SavePromiseAsync(PromiseToPay promise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promise);
        await UpsertAsync(Row(Promise, promise.TenantId, promise.InvoiceNumber, promise.ByObjectId, e =>
        {
            e["PromisedDate"] = ReminderKeys.Date(promise.PromisedDate);
            e["MadeAt"] = promise.MadeAt;
        }), cancellationToken).ConfigureAwait(false);
        // Dunning resumes the day after the promised date.
        await watch.WatchAsync(promise.TenantId, promise.PromisedDate.AddDays(1), Promise, cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveSnoozeAsync(ReminderSnooze snooze, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snooze);
        await UpsertAsync(Row(Snooze, snooze.TenantId, snooze.InvoiceNumber, snooze.ByObjectId, e =>
        {
            e["Until"] = ReminderKeys.Date(snooze.Until);
            e["MadeAt"] = snooze.MadeAt;
        }), cancellationToken).ConfigureAwait(false);
        await watch.WatchAsync(snooze.TenantId, snooze.Until, Snooze, cancellationToken).ConfigureAwait(false);
    }

    public async Task SavePaymentClaimAsync(PaymentClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await UpsertAsync(Row(Claim, claim.TenantId, claim.InvoiceNumber, claim.ByObjectId, e =>
        {
            e["ClaimedAt"] = claim.ClaimedAt;
            e["Status"] = claim.Status.ToString();
        }), cancellationToken).ConfigureAwait(false);
        await watch.WatchAsync(claim.TenantId, DateOnly.FromDateTime(claim.ClaimedAt.UtcDateTime).AddDays(PaymentClaimWatchDays), "payment-claim", cancellationToken).ConfigureAwait(false);
    }

    public Task SaveOptOutAsync(ReminderOptOut optOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(optOut);
        return UpsertAsync(Row(OptOut, optOut.TenantId, optOut.InvoiceNumber, optOut.ObjectId, e => e["MadeAt"] = optOut.MadeAt), cancellationToken);
    }

    public async Task RemoveOptOutAsync(string tenantId, string invoiceNumber, string objectId, CancellationToken cancellationToken)
    {
        try
        {
            await StorageErrors.GuardAsync(objectId, () => Table.DeleteEntityAsync(
                ReminderKeys.Partition(tenantId), ReminderKeys.ControlRow(OptOut, invoiceNumber, objectId), ETag.All, cancellationToken)).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // There was no such opt-out: removing it again is harmless.
        }
    }

    public Task SavePreferenceAsync(ReminderPreference preference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preference);
        var entity = new TableEntity(ReminderKeys.Partition(preference.TenantId), ReminderKeys.PreferenceRow(preference.ObjectId))
        {
            ["Type"] = Preference,
            ["TenantId"] = preference.TenantId,
            ["ObjectId"] = preference.ObjectId,
            ["Language"] = preference.Language,
            ["UpdatedAt"] = preference.UpdatedAt,
        };
        return UpsertAsync(entity, cancellationToken);
    }

    public Task SaveDisputeHoldAsync(DisputeHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        // The ticket number takes the person's place in the key: one hold per invoice and ticket.
        return UpsertAsync(Row(Dispute, hold.TenantId, hold.InvoiceNumber, hold.TicketNumber, e => e["Since"] = hold.Since), cancellationToken);
    }

    public async Task RemoveDisputeHoldAsync(string tenantId, string invoiceNumber, string ticketNumber, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        try
        {
            await StorageErrors.GuardAsync(ticketNumber, () => Table.DeleteEntityAsync(
                ReminderKeys.Partition(tenantId), ReminderKeys.ControlRow(Dispute, invoiceNumber, ticketNumber), ETag.All, cancellationToken)).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // There was no such hold (removed already): removing it again is harmless.
        }

        // Dunning resumes now: the tenant is visited even when the invoice left the sweep's due-date window while disputed.
        await watch.WatchAsync(tenantId, DateOnly.FromDateTime(endedAt.UtcDateTime).AddDays(1), Dispute, cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity Row(string type, string tenantId, string invoiceNumber, string objectId, Action<TableEntity> fill)
    {
        var entity = new TableEntity(ReminderKeys.Partition(tenantId), ReminderKeys.ControlRow(type, invoiceNumber, objectId))
        {
            ["Type"] = type,
            ["TenantId"] = tenantId,
            ["InvoiceNumber"] = invoiceNumber,
            ["ObjectId"] = objectId,
        };
        fill(entity);
        return entity;
    }

    private static DateTimeOffset At(TableEntity entity, string name) => entity.GetDateTimeOffset(name) ?? DateTimeOffset.MinValue;

    private Task UpsertAsync(TableEntity entity, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync(entity.RowKey, () => Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken));
}
