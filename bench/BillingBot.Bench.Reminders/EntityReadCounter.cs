using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace BillingBot.Bench.Reminders;

/// <summary>
/// Counts the table entities that storage returns: every query page's <c>value</c> items and every point read that found
/// its entity, per table. Added to the app's TableClientOptions through <c>StorageOptions.PipelinePolicies</c>.
/// </summary>
internal sealed class EntityReadCounter : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, TableReads> _tables = new(StringComparer.Ordinal);

    /// <summary>The table-name prefix to strip in the per-table figures.</summary>
    public string Prefix { get; set; } = string.Empty;

    public ReadCount Snapshot()
    {
        var tables = _tables.ToDictionary(t => t.Key, t => t.Value.Total(), StringComparer.Ordinal);
        return new ReadCount(
            tables.Values.Sum(t => t.Entities),
            tables.Values.Sum(t => t.Queries),
            tables.Values.Sum(t => t.PointReads),
            tables.Values.Sum(t => t.Writes),
            tables);
    }

    public void Reset() => _tables.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Count(message);
    }

    private void Count(HttpMessage message)
    {
        if (!message.HasResponse)
        {
            return;
        }

        var path = message.Request.Uri.Path;
        var name = path[(path.LastIndexOf('/') + 1)..];
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        name = paren >= 0 ? name[..paren] : name;
        if (name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            name = name[Prefix.Length..];
        }

        var reads = _tables.GetOrAdd(name, _ => new TableReads());
        if (message.Request.Method != RequestMethod.Get)
        {
            reads.Add(writes: 1);
            return;
        }

        var response = message.Response;
        if (response.Status != 200)
        {
            reads.Add(pointReads: 1);
            return;
        }

        using var json = JsonDocument.Parse(response.Content);
        if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
        {
            reads.Add(entities: value.GetArrayLength(), queries: 1);
        }
        else
        {
            reads.Add(entities: 1, pointReads: 1);
        }
    }

    private sealed class TableReads
    {
        private long _entities;
        private long _queries;
        private long _pointReads;
        private long _writes;

        public void Add(long entities = 0, long queries = 0, long pointReads = 0, long writes = 0)
        {
            Interlocked.Add(ref _entities, entities);
            Interlocked.Add(ref _queries, queries);
            Interlocked.Add(ref _pointReads, pointReads);
            Interlocked.Add(ref _writes, writes);
        }

        public TableReadCount Total() => new(Interlocked.Read(ref _entities), Interlocked.Read(ref _queries), Interlocked.Read(ref _pointReads), Interlocked.Read(ref _writes));
    }
}
