using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;

namespace BillingBot.Protocol.State;

/// <summary>
/// State kept in an <see cref="IStorage"/> under a key derived from the turn. It is read once per turn, on first
/// use, and written once at the end of the turn if anything changed, under the ETag it was read with, so two
/// concurrent turns never silently overwrite each other.
/// </summary>
public abstract class BotState(IStorage storage, string stateName)
{
    private string CacheKey => $"BotState:{stateName}";

    /// <summary>A typed property of this state.</summary>
    public IStatePropertyAccessor<T> CreateProperty<T>(string name) => new StatePropertyAccessor<T>(this, name);

    /// <summary>Reads the state for this turn if it was not read yet (or when forced).</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken)
    {
        if (!force && turnContext.TurnState.ContainsKey(CacheKey))
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        turnContext.TurnState[CacheKey] = items.TryGetValue(key, out var item)
            ? new CachedBotState(item.Json, item.ETag)
            : new CachedBotState(null, null);
    }

    /// <summary>Writes the state if it changed in this turn.</summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken)
    {
        if (!turnContext.TurnState.TryGetValue(CacheKey, out var value) || value is not CachedBotState cached)
        {
            return;
        }

        var json = cached.Serialize();
        if (!force && json == cached.OriginalJson)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = new(json, cached.ETag) }, cancellationToken).ConfigureAwait(false);
        cached.MarkSaved(json, etags[key]);
    }

    /// <summary>Forgets everything in this state; the empty state is written at the end of the turn.</summary>
    public async Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        ((CachedBotState)turnContext.TurnState[CacheKey]).Clear();
    }

    /// <summary>Deletes the stored state now.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        turnContext.TurnState.Remove(CacheKey);
        await storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The storage key of this state for the turn.</summary>
    protected abstract string GetStorageKey(ITurnContext turnContext);

    internal async Task<CachedBotState> GetCachedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        return (CachedBotState)turnContext.TurnState[CacheKey];
    }

    /// <summary>The state of one turn: values handed out to the bot stay live and are serialized at save.</summary>
    internal sealed class CachedBotState
    {
        private readonly Dictionary<string, object?> _live = new(StringComparer.Ordinal);
        private JsonObject _raw;

        public CachedBotState(string? json, string? etag)
        {
            OriginalJson = json ?? "{}";
            ETag = etag;
            _raw = JsonNode.Parse(OriginalJson) as JsonObject ?? [];
        }

        public string OriginalJson { get; private set; }

        public string? ETag { get; private set; }

        public bool TryGet<T>(string name, out T? value)
        {
            if (_live.TryGetValue(name, out var live))
            {
                value = (T?)live;
                return true;
            }

            if (_raw[name] is { } node)
            {
                value = node.Deserialize<T>(ProtocolJson.Options);
                _live[name] = value;
                return true;
            }

            value = default;
            return false;
        }

        public void Set(string name, object? value) => _live[name] = value;

        public void Remove(string name)
        {
            _live.Remove(name);
            _raw.Remove(name);
        }

        public void Clear()
        {
            _live.Clear();
            _raw = [];
        }

        public string Serialize()
        {
            var result = new JsonObject();
            foreach (var (name, node) in _raw)
            {
                if (!_live.ContainsKey(name))
                {
                    result[name] = node?.DeepClone();
                }
            }

            foreach (var (name, value) in _live)
            {
                result[name] = JsonSerializer.SerializeToNode(value, value?.GetType() ?? typeof(object), ProtocolJson.Options);
            }

            return result.ToJsonString(ProtocolJson.Options);
        }

        public void MarkSaved(string json, string etag)
        {
            OriginalJson = json;
            ETag = etag;
        }
    }
}
