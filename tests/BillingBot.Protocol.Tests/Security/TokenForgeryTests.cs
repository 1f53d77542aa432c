using System.Text.Json.Nodes;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace BillingBot.Protocol.Tests.Security;

/// <summary>
/// Forged and replayed channel tokens, checked by the validator against a loopback OpenID server on a fake clock
/// (the HTTP-level corpus is App.Tests' InboundAuthenticationTests). About replay: the Bot Connector sends the same
/// token with every activity until it expires (an hour), so a repeated token is accepted by design; what must fail
/// is a token replayed once expired, to another service URL, to another bot, or after its key left the metadata.
/// </summary>
public sealed class TokenForgeryTests : IAsyncLifetime
{
    private const string AppId = "4a1b2c3d-0000-4000-8000-00000000b07a";
    private const string OtherBotAppId = "9f8e7d6c-0000-4000-8000-0000000000aa";
    private const string ServiceUrl = "https://smba.trafficmanager.net/teams/";
    private static readonly TestSigningKey Published = TestSigningKey.ForTeams("teams-key");
    private static readonly TestSigningKey Successor = TestSigningKey.ForTeams("teams-key-2");
    private static readonly TestSigningKey Attacker = TestSigningKey.ForTeams("attacker");

    private readonly TestOpenIdServer _openId = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _openId.AddKey(Published);
        await _openId.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _openId.DisposeAsync();
    }

    private TestTokenBuilder Valid => new(Published, AppId, ServiceUrl, _time);

    public static TheoryData<string> HeaderForgeries => new()
    {
        "HS256 keyed with the published public key", "alg none naming the published kid", "the attacker's own key embedded as jwk under the published kid",
        "a valid signature pasted onto another payload", "RS256 header over an HS256 signature",
    };

    [Theory]
    [MemberData(nameof(HeaderForgeries))]
    public async Task A_token_whose_header_or_signature_is_forged_is_rejected(string forgery)
    {
        var valid = Valid.Build();
        var payload = RawJwt.PayloadOf(valid);
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = Published.KeyId, ["typ"] = "JWT" };
        var token = forgery switch
        {
            "HS256 keyed with the published public key" => RawJwt.SignHs256(
                new JsonObject { ["alg"] = "HS256", ["kid"] = Published.KeyId, ["typ"] = "JWT" }, payload, RawJwt.PublicPem(Published)),
            "alg none naming the published kid" => Unsigned(new JsonObject { ["alg"] = "none", ["kid"] = Published.KeyId, ["typ"] = "JWT" }, payload),
            "the attacker's own key embedded as jwk under the published kid" => RawJwt.SignRs256(
                new JsonObject { ["alg"] = "RS256", ["kid"] = Published.KeyId, ["typ"] = "JWT", ["jwk"] = Attacker.ToJwk() }, payload, Attacker),
            "a valid signature pasted onto another payload" => PasteSignature(valid, Valid.WithAudience(AppId).WithClaim("tid", "another-tenant").Build()),
            "RS256 header over an HS256 signature" => RawJwt.SignHs256(header, payload, RawJwt.PublicPem(Published)),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };

        await AssertRejectedAsync(Validator(), "Bearer " + token, Message(ServiceUrl));
    }

    [Theory]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")]
    [InlineData("https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0")]
    [InlineData("https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/")]
    [InlineData("https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0")]
    public async Task An_emulator_token_is_rejected_by_a_Teams_bot_multi_or_single_tenant(string emulatorIssuer)
    {
        var token = "Bearer " + Valid.WithIssuer(emulatorIssuer).Build();

        await AssertRejectedAsync(Validator(), token, Message(ServiceUrl));
        await AssertRejectedAsync(Validator(o =>
        {
            o.MicrosoftAppType = MicrosoftAppType.SingleTenant;
            o.MicrosoftAppTenantId = "11111111-2222-3333-4444-555555555555";
            o.EntraOpenIdMetadataUrlTemplate = _openId.MetadataUrl.ToString();
        }), token, Message(ServiceUrl));
    }

    [Theory]
    [InlineData("expired 4 minutes ago, inside the 5 minute skew", -4, true)]
    [InlineData("expired 6 minutes ago, outside the skew", -6, false)]
    [InlineData("valid from 4 minutes from now, inside the skew", 4, true)]
    [InlineData("valid from 6 minutes from now, outside the skew", 6, false)]
    public async Task The_lifetime_is_checked_with_five_minutes_of_clock_skew_and_no_more(string label, int minutes, bool accepted)
    {
        var token = minutes < 0 ? Valid.Expired(TimeSpan.FromMinutes(-minutes)).Build() : Valid.NotYetValid(TimeSpan.FromMinutes(minutes)).Build();

        if (accepted)
        {
            Assert.NotNull(await Validator().ValidateAsync("Bearer " + token, Message(ServiceUrl), CancellationToken.None));
        }
        else
        {
            await AssertRejectedAsync(Validator(), "Bearer " + token, Message(ServiceUrl));
        }

        Assert.NotEmpty(label);
    }

    [Fact]
    public async Task One_token_serves_every_activity_of_its_hour_and_none_once_it_expired()
    {
        var validator = Validator();
        var token = "Bearer " + Valid.Build();

        // What the Bot Connector does: the same token with activity after activity.
        for (var i = 0; i < 20; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(3));
            Assert.NotNull(await validator.ValidateAsync(token, Message(ServiceUrl), CancellationToken.None));
        }

        // 60 minutes in; the token expires at 60, the skew carries it to 65.
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await AssertRejectedAsync(validator, token, Message(ServiceUrl));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/teams")]
    [InlineData("https://smba.trafficmanager.net.evil.com/teams/")]
    [InlineData("https://smba.trafficmanager.net@evil.com/teams/")]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    [InlineData("http://127.0.0.2/teams/")]
    public async Task A_captured_token_replayed_with_another_service_url_is_rejected(string elsewhere)
    {
        var token = "Bearer " + Valid.Build();

        Assert.NotNull(await Validator().ValidateAsync(token, Message(ServiceUrl), CancellationToken.None));
        await AssertRejectedAsync(Validator(), token, Message(elsewhere));
    }

    [Fact]
    public async Task The_service_url_claim_is_compared_without_regard_to_case_as_the_Bot_Framework_SDK_does()
    {
        var token = "Bearer " + Valid.Build();

        Assert.NotNull(await Validator().ValidateAsync(token, Message("HTTPS://SMBA.TRAFFICMANAGER.NET/teams/"), CancellationToken.None));
    }

    [Fact]
    public async Task A_captured_token_replayed_to_another_bot_is_rejected_there()
    {
        var token = "Bearer " + Valid.Build();

        Assert.NotNull(await Validator().ValidateAsync(token, Message(ServiceUrl), CancellationToken.None));
        await AssertRejectedAsync(Validator(o => o.MicrosoftAppId = OtherBotAppId), token, Message(ServiceUrl));
    }

    [Fact]
    public async Task A_token_signed_by_a_key_the_metadata_dropped_is_rejected_once_a_token_of_the_new_key_is_seen()
    {
        var validator = Validator();
        var old = "Bearer " + Valid.Build();
        Assert.NotNull(await validator.ValidateAsync(old, Message(ServiceUrl), CancellationToken.None));

        _openId.AddKey(Successor);
        _openId.RemoveKey(Published);
        var renewed = "Bearer " + Valid.SignedWith(Successor).Build();

        // The new kid forces a refresh, which drops the old key at once.
        Assert.NotNull(await validator.ValidateAsync(renewed, Message(ServiceUrl), CancellationToken.None));
        await AssertRejectedAsync(validator, old, Message(ServiceUrl));
    }

    [Fact]
    public async Task A_token_signed_by_a_key_the_metadata_dropped_is_rejected_after_the_daily_refresh()
    {
        var validator = Validator();
        Assert.NotNull(await validator.ValidateAsync("Bearer " + Valid.Build(), Message(ServiceUrl), CancellationToken.None));

        _openId.RemoveKey(Published);
        _openId.AddKey(Successor);
        _time.Advance(TimeSpan.FromHours(24));

        // Freshly issued, so only the key can be wrong.
        await AssertRejectedAsync(validator, "Bearer " + Valid.Build(), Message(ServiceUrl));
    }

    [Theory]
    [InlineData("{0}, {0}")]
    [InlineData("{0},{0}")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Token {1}")]
    [InlineData("{0} trailing")]
    [InlineData("Bearer {1}.{1}")]
    public async Task A_missing_duplicated_or_mangled_Authorization_header_is_rejected(string shape)
    {
        var token = Valid.Build();
        // ASP.NET Core joins a header sent twice with a comma: "{0}, {0}" is what two Authorization headers look like.
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, "Bearer " + token, token);

        await AssertRejectedAsync(Validator(), header, Message(ServiceUrl));
        await AssertRejectedAsync(Validator(), null, Message(ServiceUrl));
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    public async Task The_scheme_name_is_case_insensitive_as_RFC_7235_says_but_the_token_is_checked_in_full(string scheme)
    {
        Assert.NotNull(await Validator().ValidateAsync($"{scheme} {Valid.Build()}", Message(ServiceUrl), CancellationToken.None));
        await AssertRejectedAsync(Validator(), $"{scheme} {Valid.SignedWith(Attacker).Build()}", Message(ServiceUrl));
        await AssertRejectedAsync(Validator(), $"{scheme} {Valid.WithAudience(OtherBotAppId).Build()}", Message(ServiceUrl));
    }

    private ChannelTokenValidator Validator(Action<BotAuthenticationOptions>? change = null)
    {
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppId = AppId,
            OpenIdMetadataUrl = _openId.MetadataUrl.ToString(),
            RequireHttpsMetadata = false,
        };
        change?.Invoke(options);
        var wrapped = Options.Create(options);
        return new ChannelTokenValidator(new OpenIdKeyCache(_http, wrapped, _time, NullLogger<OpenIdKeyCache>.Instance), wrapped, _time);
    }

    private static Activity Message(string serviceUrl) => new() { Type = "message", ChannelId = "msteams", ServiceUrl = serviceUrl };

    private static async Task AssertRejectedAsync(ChannelTokenValidator validator, string? header, Activity activity) =>
        await Assert.ThrowsAsync<BotAuthenticationException>(() => validator.ValidateAsync(header, activity, CancellationToken.None));

    private static string Unsigned(JsonObject header, JsonObject payload) =>
        Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(payload.ToJsonString()) + ".";

    private static string PasteSignature(string signatureFrom, string payloadFrom)
    {
        var parts = payloadFrom.Split('.');
        return parts[0] + "." + parts[1] + "." + signatureFrom.Split('.')[2];
    }
}
