using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.References;

/// <summary>
/// Conversation references in the ConversationReferences table: PartitionKey = tenant id, RowKey = owner (the
/// user's Entra object id, or "channel:{id}" for a team install), so a lookup is a point read and a tenant's
/// references are one partition.
/// </summary>
public sealed class TableConversationReferenceStore(TableStore tables, TimeProvider time) : IConversationReferenceStore
{
    private TableClient Table => tables.GetTable(TableStore.ConversationReferencesTable);

    public async Task<bool> SaveAsync(StoredConversationReference reference, CancellationToken cancellationToken)
    {
        var entity = ToEntity(reference, time.GetUtcNow());

        try
        {
            await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // It exists: refresh it, and report it as new only if this write is the one that reactivates it.
            return await RefreshAsync(entity, reference.IsActive, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            throw StorageErrors.Translate(reference.Owner, ex);
        }
    }

    public async Task<StoredConversationReference> AddAsync(StoredConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        for (var attempt = 1; ; attempt++)
        {
            var entity = ToEntity(reference, time.GetUtcNow());
            try
            {
                await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                return reference with { UpdatedAt = entity.GetDateTimeOffset("UpdatedAt")!.Value };
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Stored meanwhile: that one stands (unless it was removed again at once; then try once more).
                if (await GetAsync(reference.TenantId, reference.Owner, cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    return stored;
                }

                if (attempt == 3)
                {
                    throw new ConcurrencyConflictException(reference.Owner, ex);
                }
            }
            catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
            {
                throw StorageErrors.Translate(reference.Owner, ex);
            }
        }
    }

    public async Task<StoredConversationReference?> GetAsync(string tenantId, string owner, CancellationToken cancellationToken)
    {
        var response = await StorageErrors.GuardAsync(owner, () => Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(tenantId), TableKeys.Encode(owner), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task<IReadOnlyList<StoredConversationReference>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(tenantId);
        return await StorageErrors.GuardAsync(tenantId, async () =>
        {
            var result = new List<StoredConversationReference>();
            await foreach (var entity in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                result.Add(FromEntity(entity));
            }

            return result;
        }).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string tenantId, string owner, CancellationToken cancellationToken) =>
        await StorageErrors.GuardAsync(owner, () => Table.DeleteEntityAsync(TableKeys.Encode(tenantId), TableKeys.Encode(owner), ETag.All, cancellationToken)).ConfigureAwait(false);

    /// <summary>The row of a reference as saved at <paramref name="updatedAt"/> (PartitionKey tenant, RowKey owner).</summary>
    internal static TableEntity ToEntity(StoredConversationReference reference, DateTimeOffset updatedAt) =>
        new(TableKeys.Encode(reference.TenantId), TableKeys.Encode(reference.Owner))
        {
            ["TenantId"] = reference.TenantId,
            ["Owner"] = reference.Owner,
            ["Reference"] = JsonSerializer.Serialize(reference.Reference, ProtocolJson.Options),
            ["ConversationType"] = reference.Reference.Conversation?.ConversationType,
            ["IsActive"] = reference.IsActive,
            ["UpdatedAt"] = updatedAt,
        };

    private static StoredConversationReference FromEntity(TableEntity entity) => new(
        entity.GetString("TenantId"),
        entity.GetString("Owner"),
        JsonSerializer.Deserialize<ConversationReference>(entity.GetString("Reference"), ProtocolJson.Options)!,
        entity.GetBoolean("IsActive") ?? true,
        entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);

    private async Task<bool> RefreshAsync(TableEntity entity, bool isActive, CancellationToken cancellationToken)
    {
        var owner = entity.GetString("Owner");
        var current = await StorageErrors.GuardAsync(owner, () => Table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var wasActive = current.Value.GetBoolean("IsActive") ?? true;
        try
        {
            await StorageErrors.GuardAsync(owner, () => Table.UpdateEntityAsync(entity, current.Value.ETag, TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
            return !wasActive && isActive;
        }
        catch (ConcurrencyConflictException)
        {
            // Someone else refreshed it at the same moment; theirs is as good as ours.
            return false;
        }
    }
}
