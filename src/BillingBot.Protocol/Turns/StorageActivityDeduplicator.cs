using System.Globalization;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;

namespace BillingBot.Protocol.Turns;

/// <summary>
/// Claims each activity id with a create-only write, so that of two deliveries of the same activity — even on two
/// instances at once — exactly one wins.
/// </summary>
public sealed class StorageActivityDeduplicator(IStorage storage, TimeProvider time) : IActivityDeduplicator
{
    public async Task<bool> TryBeginAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activity.Id))
        {
            return true;
        }

        var key = $"{activity.ChannelId}/activities/{activity.Conversation?.Id}/{activity.Id}";
        var claim = new StoreItem($"{{\"receivedAt\":\"{time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)}\"}}", null);
        try
        {
            await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = claim }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }
}
