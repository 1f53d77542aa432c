using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BillingBot.Protocol.Authentication;

/// <summary>
/// Signing keys from OpenID metadata documents, cached per document. A routine refresh happens after
/// <see cref="BotAuthenticationOptions.KeyRefreshInterval"/>; an unknown key id forces one, but at most once per
/// <see cref="BotAuthenticationOptions.MinimumForcedRefreshInterval"/>, so forged kids cannot hammer the issuer.
/// </summary>
public sealed partial class OpenIdKeyCache(
    HttpClient http,
    IOptions<BotAuthenticationOptions> options,
    TimeProvider time,
    ILogger<OpenIdKeyCache> logger)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The key with this id published by the metadata document, or null when there is none.</summary>
    public async Task<SigningKey?> GetKeyAsync(string metadataUrl, string keyId, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(metadataUrl, _ => new Entry());
        var settings = options.Value;
        var now = time.GetUtcNow();

        if (entry.Keys is null || now - entry.FetchedAt >= settings.KeyRefreshInterval)
        {
            await RefreshAsync(metadataUrl, entry, forced: false, cancellationToken).ConfigureAwait(false);
        }

        if (entry.Keys?.TryGetValue(keyId, out var key) == true)
        {
            return key;
        }

        if (now - entry.LastForcedRefresh < settings.MinimumForcedRefreshInterval)
        {
            return null;
        }

        await RefreshAsync(metadataUrl, entry, forced: true, cancellationToken).ConfigureAwait(false);
        return entry.Keys?.GetValueOrDefault(keyId);
    }

    private async Task RefreshAsync(string metadataUrl, Entry entry, bool forced, CancellationToken cancellationToken)
    {
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            // Another caller may have refreshed while we waited for the gate.
            if (forced ? now - entry.LastForcedRefresh < options.Value.MinimumForcedRefreshInterval
                       : entry.Keys is not null && now - entry.FetchedAt < options.Value.KeyRefreshInterval)
            {
                return;
            }

            if (forced)
            {
                entry.LastForcedRefresh = now;
            }

            try
            {
                entry.Keys = await FetchKeysAsync(metadataUrl, cancellationToken).ConfigureAwait(false);
                entry.FetchedAt = now;
                Log.KeysRefreshed(logger, metadataUrl, entry.Keys.Count, forced);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or BotAuthenticationException or TaskCanceledException
                                           && !cancellationToken.IsCancellationRequested)
            {
                // Keep the keys we had: a metadata outage must not reject tokens signed by known keys.
                Log.KeysRefreshFailed(logger, metadataUrl, ex);
                if (entry.Keys is null)
                {
                    throw new BotAuthenticationException($"Signing keys could not be loaded from {metadataUrl}.", ex);
                }
            }
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> FetchKeysAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        using var metadata = await GetJsonAsync(metadataUrl, cancellationToken).ConfigureAwait(false);
        if (!metadata.RootElement.TryGetProperty("jwks_uri", out var jwksUri) || jwksUri.GetString() is not { Length: > 0 } keysUrl)
        {
            throw new BotAuthenticationException($"The metadata at {metadataUrl} has no jwks_uri.");
        }

        using var keysDocument = await GetJsonAsync(keysUrl, cancellationToken).ConfigureAwait(false);
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        if (!keysDocument.RootElement.TryGetProperty("keys", out var keyArray) || keyArray.ValueKind != JsonValueKind.Array)
        {
            throw new BotAuthenticationException($"The key set at {keysUrl} has no keys.");
        }

        foreach (var raw in keyArray.EnumerateArray())
        {
            var jwk = new JsonWebKey(raw.GetRawText());
            if (string.IsNullOrEmpty(jwk.Kid))
            {
                continue;
            }

            var endorsements = raw.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array
                ? e.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToArray()
                : [];
            keys[jwk.Kid] = new SigningKey(jwk, endorsements);
        }

        return keys;
    }

    private async Task<JsonDocument> GetJsonAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) ||
            (options.Value.RequireHttpsMetadata && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new BotAuthenticationException($"The metadata address {url} is not an absolute HTTPS address.");
        }

        using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public IReadOnlyDictionary<string, SigningKey>? Keys { get; set; }
        public DateTimeOffset FetchedAt { get; set; }
        public DateTimeOffset LastForcedRefresh { get; set; } = DateTimeOffset.MinValue;
    }

    private static partial class Log
    {
        [LoggerMessage(1001, LogLevel.Information, "Signing keys refreshed from {MetadataUrl}: {KeyCount} keys (forced: {Forced})")]
        public static partial void KeysRefreshed(ILogger logger, string metadataUrl, int keyCount, bool forced);

        [LoggerMessage(1002, LogLevel.Warning, "Signing keys could not be refreshed from {MetadataUrl}")]
        public static partial void KeysRefreshFailed(ILogger logger, string metadataUrl, Exception exception);
    }
}
