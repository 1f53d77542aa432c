namespace BillingBot.Bench;

/// <summary>Every measured cell, and each server's peak resident memory over its whole run.</summary>
public sealed record TurnBenchResults(IReadOnlyList<LoadResult> Cells, IReadOnlyDictionary<string, long> PeakMemory);
