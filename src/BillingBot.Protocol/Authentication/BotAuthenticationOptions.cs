namespace BillingBot.Protocol.Authentication;

/// <summary>The bot's identity and how inbound tokens are checked.</summary>
public sealed class BotAuthenticationOptions
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEntraMetadataUrlTemplate = "https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>The app id the tokens must be issued for; empty only in local development.</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public MicrosoftAppType MicrosoftAppType { get; set; } = MicrosoftAppType.MultiTenant;

    /// <summary>Where the Bot Framework's signing keys are published.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Where the Entra signing keys of a single-tenant app's tenant are published; {tenantId} is replaced.</summary>
    public string EntraOpenIdMetadataUrlTemplate { get; set; } = DefaultEntraMetadataUrlTemplate;

    /// <summary>Metadata must come over HTTPS; only tests against a loopback server turn this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerated difference between our clock and the issuer's.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long signing keys are kept before a routine refresh.</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The least time between two refreshes forced by an unknown key id.</summary>
    public TimeSpan MinimumForcedRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Accept requests with no token from loopback. The host sets this only when the app id is empty and the
    /// environment is Development: that is how the Agents Playground talks to a bot.
    /// </summary>
    public bool AllowUnauthenticatedLoopback { get; set; }

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
