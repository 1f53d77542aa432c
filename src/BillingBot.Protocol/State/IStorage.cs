namespace BillingBot.Protocol.State;

/// <summary>Key/value storage of JSON documents with ETag optimistic concurrency.</summary>
public interface IStorage
{
    /// <summary>The documents that exist among the keys; missing keys are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Writes each document under its ETag condition; returns the new ETags. A failed condition throws <see cref="ConcurrencyConflictException"/>.</summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken);

    /// <summary>Deletes the keys; deleting a missing key is not an error.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
