namespace BillingBot.Protocol.State;

/// <summary>
/// A JSON document in an <see cref="IStorage"/>, with its ETag. On write the ETag is the condition: "*" overwrites
/// whatever is there, null creates and fails if the key exists, any other value must match the stored one.
/// </summary>
public sealed record StoreItem(string Json, string? ETag);
