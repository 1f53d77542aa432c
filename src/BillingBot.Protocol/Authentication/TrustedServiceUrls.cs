using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace BillingBot.Protocol.Authentication;

/// <summary>
/// The service URLs the bot may send a token to: those that arrived in an authenticated activity, and those
/// configured (Teams' public and government hosts by default). Any other URL is refused before a byte is sent.
/// </summary>
public sealed class TrustedServiceUrls(IOptions<ConnectorTrustOptions> options)
{
    private readonly ConcurrentDictionary<string, byte> _learned = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Remembers a service URL whose activity passed authentication (or came from loopback in dev mode).</summary>
    public void Trust(string serviceUrl)
    {
        if (Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            _learned.TryAdd(Normalize(uri), 0);
        }
    }

    /// <summary>Whether a token may be sent to this service URL.</summary>
    public bool IsTrusted(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        if (_learned.ContainsKey(Normalize(uri)))
        {
            return true;
        }

        return uri.Scheme == Uri.UriSchemeHttps && options.Value.TrustedHosts.Any(host =>
            string.Equals(uri.Host, host, StringComparison.OrdinalIgnoreCase) ||
            (host.StartsWith("*.", StringComparison.Ordinal) && uri.Host.EndsWith(host[1..], StringComparison.OrdinalIgnoreCase)));
    }

    private static string Normalize(Uri uri) => uri.GetLeftPart(UriPartial.Authority) + "/" + uri.AbsolutePath.Trim('/');
}
