using System.Globalization;

namespace BillingBot.Protocol.State;

/// <summary>An in-process <see cref="IStorage"/> with the same ETag rules as the table implementation; for tests and benchmarks.</summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, StoreItem> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _version;

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_items.TryGetValue(key, out var item))
                {
                    result[key] = item;
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var (key, change) in changes)
            {
                var exists = _items.TryGetValue(key, out var current);
                var allowed = change.ETag switch
                {
                    ETags.Any => true,
                    null => !exists,
                    var etag => exists && current!.ETag == etag,
                };
                if (!allowed)
                {
                    throw new ConcurrencyConflictException(key);
                }

                var newETag = (++_version).ToString(CultureInfo.InvariantCulture);
                _items[key] = change with { ETag = newETag };
                etags[key] = newETag;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(etags);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }
}
