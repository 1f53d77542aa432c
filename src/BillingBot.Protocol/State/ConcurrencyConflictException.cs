namespace BillingBot.Protocol.State;

/// <summary>A write's ETag condition failed: someone else changed (or created) the document first.</summary>
public sealed class ConcurrencyConflictException(string key, Exception? inner = null)
    : Exception($"The document '{key}' was changed by someone else.", inner)
{
    public string Key { get; } = key;
}
