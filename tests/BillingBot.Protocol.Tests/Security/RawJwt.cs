using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BillingBot.TestKit.Auth;
using Microsoft.IdentityModel.Tokens;

namespace BillingBot.Protocol.Tests.Security;

/// <summary>Hand-made JWTs for the attacks a token library would not produce: a chosen header, a chosen signature.</summary>
public static class RawJwt
{
    /// <summary>The payload (second segment) of a token, decoded.</summary>
    public static JsonObject PayloadOf(string token) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]))!.AsObject();

    /// <summary>header.payload signed with HMAC-SHA256 under <paramref name="secret"/>.</summary>
    public static string SignHs256(JsonObject header, JsonObject payload, byte[] secret)
    {
        var input = Encode(header) + "." + Encode(payload);
        return input + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }

    /// <summary>header.payload signed with RS256 by <paramref name="key"/>'s private half.</summary>
    public static string SignRs256(JsonObject header, JsonObject payload, TestSigningKey key)
    {
        var input = Encode(header) + "." + Encode(payload);
        using var rsa = RSA.Create(key.SecurityKey.Parameters);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>The public key as PEM text: what an attacker downloads from the keys document and uses as an HMAC secret.</summary>
    public static byte[] PublicPem(TestSigningKey key)
    {
        using var rsa = RSA.Create(key.PublicSecurityKey.Parameters);
        return Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem());
    }

    private static string Encode(JsonObject json) => Base64UrlEncoder.Encode(json.ToJsonString());
}
