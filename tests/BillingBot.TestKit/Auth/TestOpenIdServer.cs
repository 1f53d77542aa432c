using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BillingBot.TestKit.Auth;

/// <summary>
/// A loopback stand-in for the Bot Framework OpenID metadata service
/// (<c>login.botframework.com/v1/.well-known/...</c>). Keys can be published and withdrawn while
/// it runs, to exercise key rotation and the validator's key cache.
/// </summary>
public sealed class TestOpenIdServer : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";

    /// <summary>The hyphenated spelling some SDKs use; served too so either choice can be tested.</summary>
    public const string AlternateMetadataPath = "/v1/.well-known/openid-configuration";

    public const string KeysPath = "/v1/.well-known/keys";

    private readonly Lock _gate = new();
    private readonly List<TestSigningKey> _keys = [];
    private readonly CountSignal _keysFetches = new();
    private readonly CountSignal _metadataFetches = new();
    private WebApplication? _app;
    private Uri? _baseUrl;
    private int? _failureStatus;

    public TestOpenIdServer(string issuer = BotFrameworkIssuer)
    {
        Issuer = issuer;
    }

    /// <summary>The <c>issuer</c> the metadata document announces.</summary>
    public string Issuer { get; }

    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("Call StartAsync first.");

    public Uri MetadataUrl => new(BaseUrl, MetadataPath);

    public Uri KeysUrl => new(BaseUrl, KeysPath);

    /// <summary>How many times the keys document was requested (failed answers included).</summary>
    public int KeysFetchCount => _keysFetches.Count;

    public int MetadataFetchCount => _metadataFetches.Count;

    public IReadOnlyList<TestSigningKey> PublishedKeys
    {
        get
        {
            lock (_gate)
            {
                return [.. _keys];
            }
        }
    }

    /// <summary>
    /// When set, both documents answer with this status instead, to simulate an outage of the
    /// metadata service (the fetches are still counted).
    /// </summary>
    public int? FailureStatus
    {
        get
        {
            lock (_gate)
            {
                return _failureStatus;
            }
        }

        set
        {
            lock (_gate)
            {
                _failureStatus = value;
            }
        }
    }

    /// <summary>Publishes a key; a published key with the same kid is replaced.</summary>
    public void AddKey(TestSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            _keys.RemoveAll(k => k.KeyId == key.KeyId);
            _keys.Add(key);
        }
    }

    public bool RemoveKey(string keyId)
    {
        lock (_gate)
        {
            return _keys.RemoveAll(k => k.KeyId == keyId) > 0;
        }
    }

    public bool RemoveKey(TestSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return RemoveKey(key.KeyId);
    }

    /// <summary>Completes once the keys document has been requested at least <paramref name="count"/> times.</summary>
    public Task WaitForKeysFetchAsync(int count, CancellationToken cancellationToken) =>
        _keysFetches.WaitForAsync(count, cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        var app = await LoopbackServer.StartAsync(HandleAsync, cancellationToken).ConfigureAwait(false);
        _app = app;
        _baseUrl = new Uri(app.Urls.Single());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        JsonObject document;
        if (HttpMethods.IsGet(context.Request.Method) && path is MetadataPath or AlternateMetadataPath)
        {
            _metadataFetches.Increment();
            document = BuildMetadata();
        }
        else if (HttpMethods.IsGet(context.Request.Method) && path == KeysPath)
        {
            _keysFetches.Increment();
            document = BuildKeys();
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (FailureStatus is { } status)
        {
            context.Response.StatusCode = status;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(document.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    // Same members as the real Bot Framework document, with jwks_uri pointing back at this server.
    private JsonObject BuildMetadata() => new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = "https://invalid.botframework.com",
        ["jwks_uri"] = KeysUrl.AbsoluteUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private JsonObject BuildKeys()
    {
        var keys = new JsonArray();
        foreach (var key in PublishedKeys)
        {
            keys.Add(key.ToJwk());
        }

        return new JsonObject { ["keys"] = keys };
    }
}
