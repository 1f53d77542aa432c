using System.Text.Json.Nodes;
using BillingBot.TestKit.Auth;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BillingBot.Protocol.Tests.TestKit;

public sealed class TestOpenIdServerTests : IAsyncLifetime
{
    private readonly TestOpenIdServer _server = new();
    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public Task InitializeAsync() => _server.StartAsync(_timeout.Token);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _timeout.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Metadata_and_keys_parse_with_the_OpenIdConnect_retriever()
    {
        var key = TestSigningKey.ForTeams("key-1");
        _server.AddKey(key);

        var config = await OpenIdConnectConfigurationRetriever.GetAsync(
            _server.MetadataUrl.AbsoluteUri,
            new HttpDocumentRetriever { RequireHttps = false },
            _timeout.Token);

        Assert.Equal(TestOpenIdServer.BotFrameworkIssuer, config.Issuer);
        Assert.Equal(_server.KeysUrl.AbsoluteUri, config.JwksUri);
        Assert.Equal(["RS256"], config.IdTokenSigningAlgValuesSupported);
        var jwk = Assert.Single(config.JsonWebKeySet.Keys);
        Assert.Equal("key-1", jwk.Kid);
        Assert.Equal("sig", jwk.Use);
        Assert.Equal("key-1", Assert.Single(config.SigningKeys).KeyId);
        Assert.Equal(1, _server.KeysFetchCount);
        Assert.Equal(1, _server.MetadataFetchCount);
    }

    [Fact]
    public async Task Keys_document_carries_endorsements_only_for_endorsed_keys()
    {
        _server.AddKey(TestSigningKey.ForTeams("endorsed"));
        _server.AddKey(new TestSigningKey("plain"));

        var keys = JsonNode.Parse(await _http.GetStringAsync(_server.KeysUrl, _timeout.Token))!["keys"]!.AsArray();

        var endorsed = keys.Single(k => (string?)k!["kid"] == "endorsed")!;
        Assert.Equal("RSA", (string?)endorsed["kty"]);
        Assert.Equal("msteams", (string?)endorsed["endorsements"]![0]);
        Assert.Null(keys.Single(k => (string?)k!["kid"] == "plain")!["endorsements"]);
    }

    [Fact]
    public async Task Keys_can_be_rotated_while_running_and_fetches_are_counted()
    {
        var oldKey = TestSigningKey.ForTeams("old");
        var newKey = TestSigningKey.ForTeams("new");
        _server.AddKey(oldKey);
        var first = await _http.GetStringAsync(_server.KeysUrl, _timeout.Token);

        _server.AddKey(newKey);
        Assert.True(_server.RemoveKey(oldKey));
        Assert.False(_server.RemoveKey("old"));
        var second = await _http.GetStringAsync(_server.KeysUrl, _timeout.Token);

        Assert.Contains("\"old\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\"old\"", second, StringComparison.Ordinal);
        Assert.Contains("\"new\"", second, StringComparison.Ordinal);
        await _server.WaitForKeysFetchAsync(2, _timeout.Token);
        Assert.Equal(2, _server.KeysFetchCount);
    }

    [Fact]
    public async Task WaitForKeysFetchAsync_completes_when_a_later_fetch_happens()
    {
        var waiting = _server.WaitForKeysFetchAsync(1, _timeout.Token);
        Assert.False(waiting.IsCompleted);

        await _http.GetStringAsync(_server.KeysUrl, _timeout.Token);

        await waiting;
    }

    [Fact]
    public async Task Hyphenated_metadata_spelling_is_served_too()
    {
        var url = new Uri(_server.BaseUrl, TestOpenIdServer.AlternateMetadataPath);

        var metadata = JsonNode.Parse(await _http.GetStringAsync(url, _timeout.Token))!;

        Assert.Equal(_server.KeysUrl.AbsoluteUri, (string?)metadata["jwks_uri"]);
    }

    [Fact]
    public async Task FailureStatus_simulates_an_outage_and_still_counts()
    {
        _server.FailureStatus = 503;

        using var response = await _http.GetAsync(_server.KeysUrl, _timeout.Token);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(1, _server.KeysFetchCount);
    }

    [Fact]
    public async Task Custom_issuer_is_announced()
    {
        await using var entra = new TestOpenIdServer("https://login.microsoftonline.com/tid/v2.0");
        await entra.StartAsync(_timeout.Token);

        var metadata = JsonNode.Parse(await _http.GetStringAsync(entra.MetadataUrl, _timeout.Token))!;

        Assert.Equal("https://login.microsoftonline.com/tid/v2.0", (string?)metadata["issuer"]);
        Assert.NotEqual(_server.BaseUrl, entra.BaseUrl);
    }
}
