using BillingBot.Protocol.Authentication;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Hosting;

/// <summary>Checks the bot's identity settings at start-up, so a misconfigured deployment fails fast with a clear message.</summary>
public sealed class BotAuthenticationOptionsValidator(IHostEnvironment environment, IOptions<BotCredentialOptions> credentials)
    : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        var failures = new List<string>();
        if (!options.HasAppId)
        {
            if (!environment.IsDevelopment())
            {
                failures.Add($"MicrosoftAppId is empty in the {environment.EnvironmentName} environment. Only Development may run without an app id (local dev mode, loopback only); set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId of your Azure Bot.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (options.MicrosoftAppType == MicrosoftAppType.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            failures.Add("MicrosoftAppType is SingleTenant, so MicrosoftAppTenantId must be set.");
        }

        var secret = credentials.Value;
        if (options.MicrosoftAppType != MicrosoftAppType.UserAssignedMSI
            && string.IsNullOrWhiteSpace(secret.MicrosoftAppPassword) && string.IsNullOrWhiteSpace(secret.MicrosoftAppCertificatePath))
        {
            failures.Add("MicrosoftAppId is set but neither MicrosoftAppPassword nor MicrosoftAppCertificatePath is.");
        }

        // App Service leaves "@Microsoft.KeyVault(...)" in place when it cannot read the secret; say so rather than fail every send.
        if (secret.MicrosoftAppPassword?.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true)
        {
            failures.Add("MicrosoftAppPassword is an unresolved Key Vault reference: App Service could not read the secret. Give the web app's managed identity the 'Key Vault Secrets User' role on the secret (the Bicep template does), check the secret exists, then restart the app.");
        }

        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out var metadata) || (options.RequireHttpsMetadata && metadata.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("BotAuthentication:OpenIdMetadataUrl must be an absolute HTTPS address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
