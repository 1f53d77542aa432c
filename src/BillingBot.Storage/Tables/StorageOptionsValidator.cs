using Microsoft.Extensions.Options;

namespace BillingBot.Storage.Tables;

/// <summary>
/// Storage is either a connection string (Azurite, or an account with keys) or a table endpoint reached with managed
/// identity (Azure, no keys in settings); start-up fails with a message naming the keys when neither is usable.
/// </summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.NetworkTimeout <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail($"Storage:NetworkTimeout '{options.NetworkTimeout}' must be positive.");
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            // The connection string wins; an endpoint set as well is not used.
            return ValidateOptionsResult.Success;
        }

        if (options.TableEndpoint is null)
        {
            return ValidateOptionsResult.Fail(
                "Storage is not configured: set ConnectionStrings:Storage (UseDevelopmentStorage=true for Azurite) or Storage:TableEndpoint (managed identity).");
        }

        if (!options.TableEndpoint.IsAbsoluteUri || options.TableEndpoint.Scheme != Uri.UriSchemeHttps)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:TableEndpoint '{options.TableEndpoint}' must be an absolute https:// address such as https://<account>.table.core.windows.net/: managed identity tokens are only sent over TLS.");
        }

        return ValidateOptionsResult.Success;
    }
}
