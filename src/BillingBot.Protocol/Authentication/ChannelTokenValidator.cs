using System.Security.Claims;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BillingBot.Protocol.Authentication;

/// <summary>
/// Validates the bearer token the channel (Teams, through the Bot Connector) sends with each activity, as
/// strictly as the Bot Framework SDK: RS256/384/512 only, a known issuer, the app id as audience, the lifetime
/// with a bounded skew, a signing key endorsed for the activity's channel, and a serviceurl claim equal to the
/// activity's serviceUrl.
/// </summary>
public sealed class ChannelTokenValidator(OpenIdKeyCache keys, IOptions<BotAuthenticationOptions> options, TimeProvider time)
{
    public const string ServiceUrlClaim = "serviceurl";

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Returns the caller's identity, or throws <see cref="BotAuthenticationException"/> with the reason.</summary>
    public async Task<ClaimsIdentity> ValidateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.HasAppId)
        {
            throw new BotAuthenticationException("No app id is configured, so no token can be valid.");
        }

        var token = ReadBearer(authorizationHeader);
        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            throw new BotAuthenticationException("The token is not a well-formed JWT.", ex);
        }

        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            throw new BotAuthenticationException($"The token's algorithm '{jwt.Alg}' is not allowed.");
        }

        var (metadataUrl, validIssuers, requireEndorsement) = ResolveIssuer(jwt.Issuer, settings);
        if (string.IsNullOrEmpty(jwt.Kid))
        {
            throw new BotAuthenticationException("The token names no signing key.");
        }

        var signingKey = await keys.GetKeyAsync(metadataUrl, jwt.Kid, cancellationToken).ConfigureAwait(false)
            ?? throw new BotAuthenticationException($"The signing key '{jwt.Kid}' is not published by the issuer.");

        var result = await _handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuers = validIssuers,
            ValidAudience = settings.MicrosoftAppId,
            IssuerSigningKey = signingKey.Key,
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires, settings.ClockSkew),
            ClockSkew = settings.ClockSkew,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
        }).ConfigureAwait(false);

        if (!result.IsValid)
        {
            throw new BotAuthenticationException($"The token is not valid: {result.Exception?.GetType().Name}: {result.Exception?.Message}", result.Exception);
        }

        if (requireEndorsement && !signingKey.Endorsements.Contains(activity.ChannelId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            throw new BotAuthenticationException($"The signing key is not endorsed for channel '{activity.ChannelId}'.");
        }

        var serviceUrl = result.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value;
        if (string.IsNullOrEmpty(serviceUrl) || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            throw new BotAuthenticationException("The token's serviceurl claim does not match the activity's serviceUrl.");
        }

        return result.ClaimsIdentity;
    }

    private static string ReadBearer(string? header)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new BotAuthenticationException("The request carries no Authorization header.");
        }

        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
        {
            throw new BotAuthenticationException("The Authorization header is not a bearer token.");
        }

        return header[scheme.Length..].Trim();
    }

    private static (string MetadataUrl, string[] Issuers, bool RequireEndorsement) ResolveIssuer(string? issuer, BotAuthenticationOptions settings)
    {
        if (string.Equals(issuer, BotAuthenticationOptions.BotFrameworkIssuer, StringComparison.Ordinal))
        {
            return (settings.OpenIdMetadataUrl, [BotAuthenticationOptions.BotFrameworkIssuer], true);
        }

        // A single-tenant app also accepts tokens from its own tenant, in Entra's v1 and v2 issuer forms.
        if (settings.MicrosoftAppType == MicrosoftAppType.SingleTenant && !string.IsNullOrWhiteSpace(settings.MicrosoftAppTenantId))
        {
            var tenant = settings.MicrosoftAppTenantId;
            string[] tenantIssuers = [$"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0"];
            if (tenantIssuers.Contains(issuer, StringComparer.Ordinal))
            {
                var metadata = settings.EntraOpenIdMetadataUrlTemplate.Replace("{tenantId}", Uri.EscapeDataString(tenant), StringComparison.Ordinal);
                // Entra's keys carry no endorsements; the issuer and audience bind the token to this app.
                return (metadata, tenantIssuers, false);
            }
        }

        throw new BotAuthenticationException($"The token's issuer '{issuer}' is not trusted.");
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null || expires.Value.ToUniversalTime() + skew < now)
        {
            return false;
        }

        return notBefore is null || notBefore.Value.ToUniversalTime() - skew <= now;
    }
}
