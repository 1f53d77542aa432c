using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace BillingBot.TestKit.Auth;

/// <summary>
/// An RSA 2048 signing key with a key id and Bot Framework style endorsements, for signing test
/// tokens and for publishing through <see cref="TestOpenIdServer"/>.
/// </summary>
public sealed class TestSigningKey
{
    private readonly RSAParameters _publicParameters;

    public TestSigningKey(string? keyId = null, IEnumerable<string>? endorsements = null)
    {
        // Export the parameters and drop the RSA instance: RsaSecurityKey built from parameters owns
        // its own RSA objects, so this type needs no IDisposable and keys can be shared freely.
        using var rsa = RSA.Create(2048);
        var privateParameters = rsa.ExportParameters(includePrivateParameters: true);
        _publicParameters = rsa.ExportParameters(includePrivateParameters: false);

        KeyId = keyId ?? Guid.NewGuid().ToString("N");
        Endorsements = endorsements?.ToArray() ?? [];
        SecurityKey = new RsaSecurityKey(privateParameters) { KeyId = KeyId };
        SigningCredentials = new SigningCredentials(SecurityKey, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>A key endorsed for the Teams channel, as the Bot Framework publishes its keys.</summary>
    public static TestSigningKey ForTeams(string? keyId = null) => new(keyId, ["msteams"]);

    public string KeyId { get; }

    public IReadOnlyList<string> Endorsements { get; }

    /// <summary>The private key (with <see cref="KeyId"/> set, so tokens carry a <c>kid</c> header).</summary>
    public RsaSecurityKey SecurityKey { get; }

    /// <summary>RS256 credentials over <see cref="SecurityKey"/>.</summary>
    public SigningCredentials SigningCredentials { get; }

    /// <summary>The public half as a key that validators can trust directly, bypassing metadata.</summary>
    public RsaSecurityKey PublicSecurityKey => new(_publicParameters) { KeyId = KeyId };

    /// <summary>
    /// The public JWK as the Bot Framework keys document shows it; the <c>endorsements</c> member is
    /// present only when the key has endorsements, like keys that are not channel-specific.
    /// </summary>
    public JsonObject ToJwk()
    {
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(_publicParameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(_publicParameters.Exponent),
        };
        if (Endorsements.Count > 0)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode?)JsonValue.Create(e))]);
        }

        return jwk;
    }
}
