using System.Text;
using Azure;
using Azure.Data.Tables;
using BillingBot.Protocol.State;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.State;

/// <summary>
/// <see cref="IStorage"/> on Azure Table Storage: one entity per key (a point read), the JSON kept as UTF-8 in
/// binary chunks of at most 64 KiB (the limit of one property) so values larger than one property fit, up to the
/// entity limit. ETags are the table's own: a stale one fails with 412, which becomes a ConcurrencyConflictException.
/// </summary>
public sealed class TableStorage(TableStore tables) : IStorage
{
    private const string RowKey = "state";
    private const int ChunkBytes = 64 * 1024;
    private const int MaxChunks = 15; // 15 × 64 KiB stays under the 1 MiB entity limit with room for the keys.

    private TableClient Table => tables.GetTable(TableStore.BotStateTable);

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var reads = keys.Distinct(StringComparer.Ordinal).Select(async key =>
        {
            var response = await StorageErrors.GuardAsync(key, () => Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(key), RowKey, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return response.HasValue ? (key, Item: new StoreItem(ReadJson(response.Value!), response.Value!.ETag.ToString())) : (key, Item: (StoreItem?)null);
        });
        var results = await Task.WhenAll(reads).ConfigureAwait(false);
        return results.Where(r => r.Item is not null).ToDictionary(r => r.key, r => r.Item!, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, item) in changes)
        {
            var entity = ToEntity(key, item.Json);
            var response = await StorageErrors.GuardAsync(key, () => item.ETag switch
            {
                ETags.Any => Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken),
                null => Table.AddEntityAsync(entity, cancellationToken),
                var etag => Table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken),
            }).ConfigureAwait(false);
            etags[key] = response.Headers.ETag?.ToString() ?? throw new StorageUnavailableException($"Table storage returned no ETag for '{key}'.");
        }

        return etags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await StorageErrors.GuardAsync(key, () => Table.DeleteEntityAsync(TableKeys.Encode(key), RowKey, ETag.All, cancellationToken)).ConfigureAwait(false);
        }
    }

    private static TableEntity ToEntity(string key, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var chunks = (bytes.Length + ChunkBytes - 1) / ChunkBytes;
        if (chunks > MaxChunks)
        {
            throw new StorageUnavailableException($"The document '{key}' is {bytes.Length} bytes, more than one table entity holds.");
        }

        var entity = new TableEntity(TableKeys.Encode(key), RowKey) { ["Key"] = key, ["Chunks"] = chunks };
        for (var i = 0; i < chunks; i++)
        {
            var length = Math.Min(ChunkBytes, bytes.Length - (i * ChunkBytes));
            entity[$"D{i:D2}"] = bytes.AsSpan(i * ChunkBytes, length).ToArray();
        }

        return entity;
    }

    private static string ReadJson(TableEntity entity)
    {
        var chunks = entity.GetInt32("Chunks") ?? 0;
        using var buffer = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            var part = entity.GetBinary($"D{i:D2}") ?? throw new StorageUnavailableException($"A chunk of '{entity.PartitionKey}' is missing.");
            buffer.Write(part);
        }

        return chunks == 0 ? "{}" : Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
