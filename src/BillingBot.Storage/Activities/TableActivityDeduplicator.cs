using Azure;
using Azure.Data.Tables;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;
using BillingBot.Storage.Tables;

namespace BillingBot.Storage.Activities;

/// <summary>
/// Claims each inbound activity with a create-only insert into the ActivityClaims table (PartitionKey = channel and
/// conversation, RowKey = activity id), so that of two deliveries of one activity — even on two instances at once —
/// exactly one is processed. Claims are short-lived: <see cref="ActivityClaimPurger"/> deletes old ones.
/// </summary>
public sealed class TableActivityDeduplicator(TableStore tables) : IActivityDeduplicator
{
    public async Task<bool> TryBeginAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activity.Id))
        {
            return true;
        }

        var entity = new TableEntity(TableKeys.Encode($"{activity.ChannelId}/{activity.Conversation?.Id}"), TableKeys.Encode(activity.Id));
        try
        {
            await tables.GetTable(TableStore.ActivityClaimsTable).AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            throw StorageErrors.Translate(activity.Id, ex);
        }
    }
}
