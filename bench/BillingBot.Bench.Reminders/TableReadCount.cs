namespace BillingBot.Bench.Reminders;

/// <summary>One table's share of a <see cref="ReadCount"/>; query pages and point reads (found or not) are requests.</summary>
internal sealed record TableReadCount(long Entities, long Queries, long PointReads, long Writes);
