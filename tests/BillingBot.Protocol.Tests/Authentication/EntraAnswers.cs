using System.Net;
using System.Text;

namespace BillingBot.Protocol.Tests.Authentication;

/// <summary>
/// What Entra answers besides the token itself, as MSAL asks for it (instance discovery, the tenant's OpenID
/// configuration), and the shape of its token answers: shared by the test handlers that play Entra.
/// </summary>
internal static class EntraAnswers
{
    /// <summary>The answer to a discovery or OpenID configuration request, or null for any other path.</summary>
    public static HttpResponseMessage? Metadata(string path)
    {
        if (path.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.OK, """
                {"tenant_discovery_endpoint":"https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration","api-version":"1.1",
                 "metadata":[{"preferred_network":"login.microsoftonline.com","preferred_cache":"login.windows.net","aliases":["login.microsoftonline.com","login.windows.net","login.microsoft.com","sts.windows.net"]}]}
                """);
        }

        if (path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            var tenant = path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
            return Json(HttpStatusCode.OK, $$"""
                {"token_endpoint":"https://login.microsoftonline.com/{{tenant}}/oauth2/v2.0/token",
                 "authorization_endpoint":"https://login.microsoftonline.com/{{tenant}}/oauth2/v2.0/authorize",
                 "issuer":"https://login.microsoftonline.com/{{tenant}}/v2.0"}
                """);
        }

        return null;
    }

    /// <summary>A token answer whose access token is <c>token-{number}</c>.</summary>
    public static HttpResponseMessage Token(int number) =>
        Json(HttpStatusCode.OK, $$"""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"token-{{number}}"}""");

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
