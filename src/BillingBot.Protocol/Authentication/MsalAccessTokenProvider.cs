using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace BillingBot.Protocol.Authentication;

/// <summary>
/// Client-credential tokens for the Bot Connector from MSAL, which caches them and renews them before they expire.
/// MultiTenant apps ask the botframework.com tenant, SingleTenant apps their own; a user-assigned managed identity
/// asks the identity endpoint.
/// </summary>
public sealed class MsalAccessTokenProvider : IAccessTokenProvider
{
    private readonly Func<CancellationToken, Task<string>>? _acquire;

    public MsalAccessTokenProvider(IOptions<BotAuthenticationOptions> identity, IOptions<BotCredentialOptions> credentials, IMsalHttpClientFactory httpClientFactory)
    {
        var app = identity.Value;
        if (!app.HasAppId)
        {
            return;
        }

        var secret = credentials.Value;
        Authority = app.MicrosoftAppType == MicrosoftAppType.SingleTenant
            ? $"{secret.AuthorityHost.TrimEnd('/')}/{app.MicrosoftAppTenantId}"
            : $"{secret.AuthorityHost.TrimEnd('/')}/botframework.com";

        if (app.MicrosoftAppType == MicrosoftAppType.UserAssignedMSI)
        {
            var msi = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(app.MicrosoftAppId))
                .WithHttpClientFactory(httpClientFactory).Build();
            _acquire = async ct => (await msi.AcquireTokenForManagedIdentity("https://api.botframework.com")
                .ExecuteAsync(ct).ConfigureAwait(false)).AccessToken;
            return;
        }

        var builder = ConfidentialClientApplicationBuilder.Create(app.MicrosoftAppId)
            .WithAuthority(Authority, validateAuthority: true)
            .WithHttpClientFactory(httpClientFactory);
        builder = string.IsNullOrEmpty(secret.MicrosoftAppCertificatePath)
            ? builder.WithClientSecret(secret.MicrosoftAppPassword)
            : builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(secret.MicrosoftAppCertificatePath, secret.MicrosoftAppCertificatePassword), sendX5C: true);
        var client = builder.Build();
        _acquire = async ct => (await client.AcquireTokenForClient([BotCredentialOptions.BotFrameworkScope])
            .ExecuteAsync(ct).ConfigureAwait(false)).AccessToken;
    }

    /// <summary>The authority tokens are requested from; null without an app id.</summary>
    public string? Authority { get; }

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) =>
        _acquire is null ? null : await _acquire(cancellationToken).ConfigureAwait(false);
}
