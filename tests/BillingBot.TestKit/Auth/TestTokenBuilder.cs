using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BillingBot.TestKit.Auth;

/// <summary>
/// Builds Bot Framework style JWTs for tests. Immutable: every <c>With…</c> returns a new builder,
/// so a base builder can be shared and varied per test case. Times are read from the
/// <see cref="TimeProvider"/> when <see cref="Build"/> runs, so a fake clock can be advanced between builds.
/// </summary>
public sealed class TestTokenBuilder
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Not three base64url segments, so any JWT reader rejects it.</summary>
    public const string MalformedToken = "not-a-jwt.%%%";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    // Beyond the 5 minute clock skew validators allow, so "expired" and "not yet valid" really are.
    private static readonly TimeSpan DefaultOutsideSkew = TimeSpan.FromMinutes(10);

    private TestSigningKey _signingKey;
    private string _algorithm = SecurityAlgorithms.RsaSha256;
    private TimeProvider _timeProvider;
    private TimeSpan? _expiredAgo;
    private TimeSpan? _validIn;
    private TimeSpan _lifetime = DefaultLifetime;
    private ImmutableDictionary<string, object> _claims;

    public TestTokenBuilder(TestSigningKey signingKey, string audience, string? serviceUrl, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        ArgumentNullException.ThrowIfNull(audience);
        _signingKey = signingKey;
        _timeProvider = timeProvider ?? TimeProvider.System;
        var claims = ImmutableDictionary<string, object>.Empty
            .Add(JwtRegisteredClaimNames.Iss, BotFrameworkIssuer)
            .Add(JwtRegisteredClaimNames.Aud, audience);
        _claims = serviceUrl is null ? claims : claims.Add(ServiceUrlClaim, serviceUrl);
    }

    public TestTokenBuilder WithIssuer(string issuer) => WithClaim(JwtRegisteredClaimNames.Iss, issuer);

    /// <summary>Entra v1 issuer of a tenant: <c>https://sts.windows.net/{tenantId}/</c>.</summary>
    public TestTokenBuilder WithEntraV1Issuer(string tenantId) => WithIssuer($"https://sts.windows.net/{tenantId}/");

    /// <summary>Entra v2 issuer of a tenant: <c>https://login.microsoftonline.com/{tenantId}/v2.0</c>.</summary>
    public TestTokenBuilder WithEntraV2Issuer(string tenantId) =>
        WithIssuer($"https://login.microsoftonline.com/{tenantId}/v2.0");

    public TestTokenBuilder WithAudience(string audience) => WithClaim(JwtRegisteredClaimNames.Aud, audience);

    public TestTokenBuilder WithServiceUrl(string serviceUrl) => WithClaim(ServiceUrlClaim, serviceUrl);

    public TestTokenBuilder WithoutServiceUrl() => WithoutClaim(ServiceUrlClaim);

    /// <summary>Adds or replaces a payload claim (string, number, bool, string array, …).</summary>
    public TestTokenBuilder WithClaim(string name, object value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return Copy(b => b._claims = b._claims.SetItem(name, value));
    }

    /// <summary>
    /// Removes a payload claim, including the defaults (<c>iss</c>, <c>aud</c>, <c>serviceurl</c>)
    /// and the times (<c>nbf</c>, <c>iat</c>, <c>exp</c>), which are then left out of the token.
    /// </summary>
    public TestTokenBuilder WithoutClaim(string name) => Copy(b => b._claims = b._claims.SetItem(name, Omitted.Instance));

    /// <summary>Signs with another key (its kid goes into the header).</summary>
    public TestTokenBuilder SignedWith(TestSigningKey key, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Copy(b =>
        {
            b._signingKey = key;
            b._algorithm = algorithm;
        });
    }

    public TestTokenBuilder WithTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Copy(b => b._timeProvider = timeProvider);
    }

    /// <summary>Time from <c>nbf</c>/<c>iat</c> to <c>exp</c>; one hour by default.</summary>
    public TestTokenBuilder WithLifetime(TimeSpan lifetime) => Copy(b => b._lifetime = lifetime);

    /// <summary>Issued a full lifetime ago so that <c>exp</c> lies <paramref name="ago"/> (default 10 min) in the past.</summary>
    public TestTokenBuilder Expired(TimeSpan? ago = null) => Copy(b =>
    {
        b._expiredAgo = ago ?? DefaultOutsideSkew;
        b._validIn = null;
    });

    /// <summary><c>nbf</c> and <c>iat</c> lie <paramref name="ahead"/> (default 10 min) in the future.</summary>
    public TestTokenBuilder NotYetValid(TimeSpan? ahead = null) => Copy(b =>
    {
        b._validIn = ahead ?? DefaultOutsideSkew;
        b._expiredAgo = null;
    });

    /// <summary>A signed token: header <c>{"alg":…,"kid":…,"typ":"JWT"}</c>.</summary>
    public string Build()
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = BuildPayload(),
            SigningCredentials = new SigningCredentials(_signingKey.SecurityKey, _algorithm),
        };
        return handler.CreateToken(descriptor);
    }

    /// <summary>The same payload with header <c>{"alg":"none","typ":"JWT"}</c> and an empty signature.</summary>
    public string BuildUnsigned()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(BuildPayload()));
        return $"{header}.{payload}.";
    }

    private Dictionary<string, object> BuildPayload()
    {
        // Worked out here, not in Expired(), so a later WithLifetime still yields the asked-for exp.
        var now = _timeProvider.GetUtcNow();
        var issuedAt = _expiredAgo is { } ago ? now - _lifetime - ago : now + (_validIn ?? TimeSpan.Zero);
        var payload = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Nbf] = issuedAt.ToUnixTimeSeconds(),
            [JwtRegisteredClaimNames.Iat] = issuedAt.ToUnixTimeSeconds(),
            [JwtRegisteredClaimNames.Exp] = (issuedAt + _lifetime).ToUnixTimeSeconds(),
        };
        foreach (var (name, value) in _claims)
        {
            if (value is Omitted)
            {
                payload.Remove(name);
            }
            else
            {
                payload[name] = value;
            }
        }

        return payload;
    }

    private TestTokenBuilder Copy(Action<TestTokenBuilder> change)
    {
        var copy = (TestTokenBuilder)MemberwiseClone();
        change(copy);
        return copy;
    }

    // Marks a claim removed; kept in the claims map so a later WithClaim can bring it back.
    private sealed class Omitted
    {
        public static readonly Omitted Instance = new();
    }
}
