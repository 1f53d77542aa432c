namespace BillingBot.Protocol.State;

/// <summary>The storage could not be reached or refused the request for a reason other than concurrency.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
