using System.Text;
using System.Text.Json.Nodes;
using BillingBot.TestKit.Auth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BillingBot.Protocol.Tests.TestKit;

public sealed class TestTokenBuilderTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string ServiceUrl = "https://smba.trafficmanager.net/teams/";

    // RSA key generation is slow (up to a second on a small machine), so the keys are shared.
    private static readonly TestSigningKey PublishedKey = TestSigningKey.ForTeams("published");
    private static readonly TestSigningKey UnpublishedKey = new("unknown");
    private static readonly TestSigningKey ImpostorKey = new("published");

    private readonly TestOpenIdServer _server = new();
    private readonly TestSigningKey _key = PublishedKey;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private ConfigurationManager<OpenIdConnectConfiguration> _metadata = null!;

    public async Task InitializeAsync()
    {
        _server.AddKey(_key);
        await _server.StartAsync(_timeout.Token);
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            _server.MetadataUrl.AbsoluteUri,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = false });
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Default_token_validates_against_the_served_keys()
    {
        var token = new TestTokenBuilder(_key, AppId, ServiceUrl).Build();

        var result = await ValidateAsync(token);

        Assert.True(result.IsValid, result.Exception?.ToString());
        Assert.Equal(TestTokenBuilder.BotFrameworkIssuer, result.Issuer);
        Assert.Equal(ServiceUrl, result.Claims[TestTokenBuilder.ServiceUrlClaim]);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("published", jwt.Kid);
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal(TimeSpan.FromHours(1), jwt.ValidTo - jwt.ValidFrom);
    }

    [Fact]
    public async Task Unsigned_alg_none_token_is_rejected()
    {
        var token = new TestTokenBuilder(_key, AppId, ServiceUrl).BuildUnsigned();

        var header = JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[0]))!;
        Assert.Equal("none", (string?)header["alg"]);
        Assert.EndsWith(".", token, StringComparison.Ordinal);
        Assert.Equal(AppId, new JsonWebToken(token).Audiences.Single());
        Assert.False((await ValidateAsync(token)).IsValid);
    }

    [Fact]
    public async Task Token_signed_by_an_unpublished_key_is_rejected()
    {
        var token = new TestTokenBuilder(_key, AppId, ServiceUrl).SignedWith(UnpublishedKey).Build();

        var result = await ValidateAsync(token);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(result.Exception);
    }

    [Fact]
    public async Task Token_signed_by_another_key_with_a_published_kid_is_rejected()
    {
        var token = new TestTokenBuilder(_key, AppId, ServiceUrl).SignedWith(ImpostorKey).Build();

        var result = await ValidateAsync(token);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidSignatureException>(result.Exception);
    }

    [Fact]
    public async Task Expired_and_not_yet_valid_tokens_are_rejected_beyond_clock_skew()
    {
        var builder = new TestTokenBuilder(_key, AppId, ServiceUrl);

        var expired = await ValidateAsync(builder.Expired().Build());
        var early = await ValidateAsync(builder.NotYetValid().Build());

        Assert.IsType<SecurityTokenExpiredException>(expired.Exception);
        Assert.IsType<SecurityTokenNotYetValidException>(early.Exception);
        Assert.True((await ValidateAsync(builder.Build())).IsValid);
    }

    [Fact]
    public async Task Issuer_and_audience_overrides_are_rejected_by_a_bot_framework_validator()
    {
        var builder = new TestTokenBuilder(_key, AppId, ServiceUrl);

        var wrongIssuer = await ValidateAsync(builder.WithIssuer("https://evil.example").Build());
        var wrongAudience = await ValidateAsync(builder.WithAudience("someone-else").Build());

        Assert.IsType<SecurityTokenInvalidIssuerException>(wrongIssuer.Exception);
        Assert.IsType<SecurityTokenInvalidAudienceException>(wrongAudience.Exception);
    }

    [Fact]
    public void Entra_issuers_and_claim_edits_land_in_the_payload()
    {
        var builder = new TestTokenBuilder(_key, AppId, ServiceUrl);

        var v1 = new JsonWebToken(builder.WithEntraV1Issuer("tid").Build());
        var v2 = new JsonWebToken(builder.WithEntraV2Issuer("tid").Build());
        var edited = new JsonWebToken(builder.WithoutServiceUrl().WithClaim("ver", "2.0").WithClaim("azp", AppId).Build());

        Assert.Equal("https://sts.windows.net/tid/", v1.Issuer);
        Assert.Equal("https://login.microsoftonline.com/tid/v2.0", v2.Issuer);
        Assert.False(edited.TryGetPayloadValue<string>(TestTokenBuilder.ServiceUrlClaim, out _));
        Assert.Equal("2.0", edited.GetPayloadValue<string>("ver"));
        Assert.Equal(AppId, edited.GetPayloadValue<string>("azp"));
    }

    [Fact]
    public void Times_come_from_the_supplied_time_provider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var builder = new TestTokenBuilder(_key, AppId, ServiceUrl, clock).WithLifetime(TimeSpan.FromMinutes(30));

        var first = new JsonWebToken(builder.Build());
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = new JsonWebToken(builder.Build());

        Assert.Equal(clock.Start.UtcDateTime, first.ValidFrom);
        Assert.Equal(clock.Start.UtcDateTime, first.IssuedAt);
        Assert.Equal(clock.Start.UtcDateTime.AddMinutes(30), first.ValidTo);
        Assert.Equal(clock.Start.UtcDateTime.AddMinutes(1), second.ValidFrom);
    }

    [Fact]
    public void Expired_keeps_exp_in_the_past_whatever_the_lifetime()
    {
        var clock = new FakeTimeProvider();
        var builder = new TestTokenBuilder(_key, AppId, ServiceUrl, clock);

        var token = new JsonWebToken(builder.Expired(TimeSpan.FromMinutes(7)).WithLifetime(TimeSpan.FromMinutes(3)).Build());

        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(-7), token.ValidTo);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(-10), token.ValidFrom);
    }

    [Fact]
    public void Malformed_token_is_not_a_jwt()
    {
        Assert.False(new JsonWebTokenHandler().CanReadToken(TestTokenBuilder.MalformedToken));
        Assert.Equal(
            """{"alg":"none","typ":"JWT"}""",
            Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(new TestTokenBuilder(_key, AppId, null).BuildUnsigned().Split('.')[0])));
    }

    private async Task<TokenValidationResult> ValidateAsync(string token)
    {
        var config = await _metadata.GetConfigurationAsync(_timeout.Token);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = TestTokenBuilder.BotFrameworkIssuer,
            ValidAudience = AppId,
            IssuerSigningKeys = config.SigningKeys,
            ClockSkew = TimeSpan.FromMinutes(5),
        });
    }
}
