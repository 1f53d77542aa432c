using Azure;
using BillingBot.Protocol.State;

namespace BillingBot.Storage.Tables;

/// <summary>Turns Azure SDK failures into the protocol's typed storage exceptions.</summary>
internal static class StorageErrors
{
    public static bool IsConflict(RequestFailedException ex) => ex.Status is 409 or 412;

    public static Exception Translate(string key, Exception ex) => ex switch
    {
        StorageUnavailableException or ConcurrencyConflictException => ex,
        RequestFailedException failed when IsConflict(failed) => new ConcurrencyConflictException(key, ex),
        RequestFailedException failed when failed.Status == 404 && failed.ErrorCode == "ResourceNotFound" => new ConcurrencyConflictException(key, ex),
        _ => new StorageUnavailableException($"Table storage failed for '{key}'.", ex),
    };

    /// <summary>Runs a table operation and turns its storage failures into the protocol's typed exceptions.</summary>
    public static async Task<T> GuardAsync<T>(string key, Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            throw Translate(key, ex);
        }
    }

    /// <summary>Failures that mean the store is down or refused, as opposed to bugs.</summary>
    public static bool IsStorageFailure(Exception ex) => ex is StorageUnavailableException or RequestFailedException or HttpRequestException or AggregateException or TimeoutException
        || (ex is TaskCanceledException or OperationCanceledException && ex.InnerException is TimeoutException);
}
