using BillingBot.Protocol.Authentication;
using BillingBot.TestKit.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.Protocol.Tests.Authentication;

public sealed class OpenIdKeyCacheTests : IAsyncLifetime
{
    private static readonly TestSigningKey Published = TestSigningKey.ForTeams("published");
    private static readonly TestSigningKey Rotated = TestSigningKey.ForTeams("rotated");
    private readonly TestOpenIdServer _server = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private OpenIdKeyCache _cache = null!;

    public async Task InitializeAsync()
    {
        _server.AddKey(Published);
        await _server.StartAsync(CancellationToken.None);
        _cache = new OpenIdKeyCache(_http, Options.Create(new BotAuthenticationOptions { RequireHttpsMetadata = false }), _time, NullLogger<OpenIdKeyCache>.Instance);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Keys_are_fetched_once_and_then_served_from_the_cache()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(await _cache.GetKeyAsync(Url, "published", CancellationToken.None));
        }

        Assert.Equal(1, _server.KeysFetchCount);
    }

    [Fact]
    public async Task The_endorsements_of_each_key_are_kept()
    {
        var key = await _cache.GetKeyAsync(Url, "published", CancellationToken.None);

        Assert.Equal(["msteams"], key!.Endorsements);
    }

    [Fact]
    public async Task An_unknown_key_id_forces_a_refresh_at_most_once_every_five_minutes()
    {
        await _cache.GetKeyAsync(Url, "published", CancellationToken.None);

        Assert.Null(await _cache.GetKeyAsync(Url, "forged-1", CancellationToken.None));
        Assert.Null(await _cache.GetKeyAsync(Url, "forged-2", CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Null(await _cache.GetKeyAsync(Url, "forged-3", CancellationToken.None));
        Assert.Equal(2, _server.KeysFetchCount);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await _cache.GetKeyAsync(Url, "forged-4", CancellationToken.None));
        Assert.Equal(3, _server.KeysFetchCount);
    }

    [Fact]
    public async Task A_rotated_key_is_picked_up_as_soon_as_a_token_names_it()
    {
        await _cache.GetKeyAsync(Url, "published", CancellationToken.None);
        _server.AddKey(Rotated);

        Assert.NotNull(await _cache.GetKeyAsync(Url, "rotated", CancellationToken.None));
    }

    [Fact]
    public async Task Keys_are_refreshed_after_a_day_and_kept_when_the_issuer_is_down()
    {
        await _cache.GetKeyAsync(Url, "published", CancellationToken.None);
        _server.FailureStatus = 503;
        _time.Advance(TimeSpan.FromHours(25));

        Assert.NotNull(await _cache.GetKeyAsync(Url, "published", CancellationToken.None));
        Assert.Equal(2, _server.MetadataFetchCount);
    }

    private string Url => _server.MetadataUrl.ToString();
}
