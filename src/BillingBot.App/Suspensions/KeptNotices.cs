using System.Text.Json;
using BillingBot.Protocol.State;

namespace BillingBot.App.Suspensions;

/// <summary>
/// Notices for the billing team kept while the agents' channel is not configured or not reachable, as one document in
/// the bot's key/value storage (updated with its ETag). Notices are rare, so a bounded list is enough; when it is full
/// the oldest is dropped with an error in the log, never silently.
/// </summary>
public sealed partial class KeptNotices(IStorage storage, TimeProvider time, ILogger<KeptNotices> logger)
{
    public const int Capacity = 500;
    private const string Key = "agents-channel/kept-notices";
    private const int MaxAttempts = 8;

    public async Task KeepAsync(Reminders.BillingTeamNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var kept = new KeptNotice(Guid.NewGuid().ToString("N"), notice, time.GetUtcNow());
        await ChangeAsync(list =>
        {
            list.Add(kept);
            while (list.Count > Capacity)
            {
                Log.Dropped(logger, list[0].Notice.TenantId, list[0].Notice.Subject);
                list.RemoveAt(0);
            }
        }, cancellationToken).ConfigureAwait(false);
        Log.Kept(logger, notice.TenantId, notice.Subject);
    }

    /// <summary>The kept notices, oldest first.</summary>
    public async Task<IReadOnlyList<KeptNotice>> ListAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken).ConfigureAwait(false)).List;

    public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.CompletedTask : ChangeAsync(list => list.RemoveAll(k => ids.Contains(k.Id)), cancellationToken);

    private async Task ChangeAsync(Action<List<KeptNotice>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (list, etag) = await ReadAsync(cancellationToken).ConfigureAwait(false);
            change(list);
            try
            {
                await storage.WriteAsync(new Dictionary<string, StoreItem> { [Key] = new(JsonSerializer.Serialize(list), etag) }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Another instance kept or delivered a notice meanwhile: apply the change to its version.
            }
        }
    }

    private async Task<(List<KeptNotice> List, string? ETag)> ReadAsync(CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([Key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(Key, out var item)
            ? (JsonSerializer.Deserialize<List<KeptNotice>>(item.Json) ?? [], item.ETag)
            : ([], null);
    }

    private static partial class Log
    {
        [LoggerMessage(7020, LogLevel.Warning, "Notice for the billing team kept until the agents' channel can take it (tenant {TenantId}): {Subject}")]
        public static partial void Kept(ILogger logger, string tenantId, string subject);

        [LoggerMessage(7021, LogLevel.Error, "More than 500 notices for the billing team are waiting for the agents' channel; the oldest was dropped (tenant {TenantId}): {Subject}")]
        public static partial void Dropped(ILogger logger, string tenantId, string subject);
    }
}
