using System.Collections.Concurrent;
using System.Net;
using System.Text;
using BillingBot.Protocol.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace BillingBot.Protocol.Tests.Authentication;

/// <summary>
/// MSAL against a scripted Entra: which authority it asks, with what scope and credentials, and that it caches.
/// MSAL insists on HTTPS authorities, so the exchange is answered by a stub handler instead of a loopback server.
/// </summary>
public sealed class MsalAccessTokenProviderTests
{
    private const string AppId = "4a1b2c3d-0000-4000-8000-00000000b07a";
    private const string Tenant = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public async Task A_multi_tenant_bot_gets_a_Bot_Framework_token_from_the_botframework_com_tenant_once_and_reuses_it()
    {
        var entra = new ScriptedEntra();
        var provider = Create(entra, MicrosoftAppType.MultiTenant, tenant: null);

        var first = await provider.GetAccessTokenAsync(CancellationToken.None);
        var second = await provider.GetAccessTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal(first, second);
        var request = Assert.Single(entra.TokenRequests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", request.Path);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", request.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=" + AppId, request.Body, StringComparison.Ordinal);
        Assert.Contains("client_secret=s3cret", request.Body, StringComparison.Ordinal);
        Assert.Contains("grant_type=client_credentials", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bot_with_a_certificate_proves_itself_with_a_signed_assertion_instead_of_a_secret()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=billingbot-test", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(Path.GetTempPath(), $"billingbot-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-pass"));
        try
        {
            var entra = new ScriptedEntra();
            var provider = new MsalAccessTokenProvider(
                Options.Create(new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppType = MicrosoftAppType.SingleTenant, MicrosoftAppTenantId = Tenant }),
                Options.Create(new BotCredentialOptions { MicrosoftAppCertificatePath = path, MicrosoftAppCertificatePassword = "pfx-pass" }),
                entra);

            Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));

            var body = Assert.Single(entra.TokenRequests).Body;
            Assert.Contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer", body, StringComparison.Ordinal);
            Assert.Contains("client_assertion=", body, StringComparison.Ordinal);
            Assert.DoesNotContain("client_secret", body, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_single_tenant_bot_asks_its_own_tenant()
    {
        var entra = new ScriptedEntra();
        var provider = Create(entra, MicrosoftAppType.SingleTenant, Tenant);

        await provider.GetAccessTokenAsync(CancellationToken.None);

        Assert.Equal($"/{Tenant}/oauth2/v2.0/token", Assert.Single(entra.TokenRequests).Path);
    }

    [Fact]
    public async Task Without_an_app_id_no_token_is_requested_at_all()
    {
        var entra = new ScriptedEntra();
        var provider = new MsalAccessTokenProvider(Options.Create(new BotAuthenticationOptions()), Options.Create(new BotCredentialOptions()), entra);

        Assert.Null(await provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Empty(entra.AllRequests);
    }

    [Fact]
    public async Task A_refused_secret_surfaces_as_an_MSAL_error_and_is_not_cached()
    {
        var entra = new ScriptedEntra { RefuseTokens = true };
        var provider = Create(entra, MicrosoftAppType.MultiTenant, tenant: null);

        await Assert.ThrowsAsync<MsalServiceException>(() => provider.GetAccessTokenAsync(CancellationToken.None));
        entra.RefuseTokens = false;

        Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal(2, entra.TokenRequests.Count);
    }

    private static MsalAccessTokenProvider Create(ScriptedEntra entra, MicrosoftAppType type, string? tenant) => new(
        Options.Create(new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppType = type, MicrosoftAppTenantId = tenant }),
        Options.Create(new BotCredentialOptions { MicrosoftAppPassword = "s3cret" }),
        entra);

    private sealed record TokenRequest(string Path, string Body);

    /// <summary>Answers Entra's instance discovery, OpenID metadata and token endpoints as the public cloud does.</summary>
    private sealed class ScriptedEntra : HttpMessageHandler, IMsalHttpClientFactory
    {
        private int _issued;

        public ConcurrentQueue<Uri> AllRequests { get; } = new();

        public ConcurrentQueue<TokenRequest> TokenRequests { get; } = new();

        public bool RefuseTokens { get; set; }

        public HttpClient GetHttpClient() => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            AllRequests.Enqueue(uri);
            var path = uri.AbsolutePath;
            if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            {
                TokenRequests.Enqueue(new TokenRequest(path, await request.Content!.ReadAsStringAsync(cancellationToken)));
                return RefuseTokens
                    ? EntraAnswers.Json(HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}""")
                    : EntraAnswers.Token(Interlocked.Increment(ref _issued));
            }

            return EntraAnswers.Metadata(path) ?? new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }
}
