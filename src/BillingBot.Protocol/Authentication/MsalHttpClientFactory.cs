using Microsoft.Identity.Client;

namespace BillingBot.Protocol.Authentication;

/// <summary>Lets MSAL use the app's IHttpClientFactory (pooled handlers, DNS refresh) instead of its own clients.</summary>
public sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public const string ClientName = "msal";

    public HttpClient GetHttpClient() => factory.CreateClient(ClientName);
}
