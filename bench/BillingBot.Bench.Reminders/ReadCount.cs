namespace BillingBot.Bench.Reminders;

/// <summary>Entities returned by storage, the requests that returned them, and the writes, in all and per table.</summary>
internal sealed record ReadCount(long Entities, long Queries, long PointReads, long Writes, IReadOnlyDictionary<string, TableReadCount> Tables);
