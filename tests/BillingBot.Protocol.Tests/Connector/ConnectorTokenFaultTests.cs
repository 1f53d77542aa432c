using System.Net;
using System.Text;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Channel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

using BillingBot.Protocol.Tests.Authentication;

namespace BillingBot.Protocol.Tests.Connector;

/// <summary>
/// The bot's own token for the Bot Connector cannot be had: Entra refuses, fails or does not answer. The connector then
/// sends nothing and says why (TokenUnavailable) within its own time limits, so a turn ends and a reminder's claim is
/// never outlived by a send still waiting for a token; once Entra answers again the message goes, once.
/// </summary>
public sealed class ConnectorTokenFaultTests : IAsyncLifetime
{
    private const string AppId = "4a1b2c3d-0000-4000-8000-00000000b07a";
    private const string ConversationId = "a:1token-faults";
    private static readonly TimeSpan TestLimit = TimeSpan.FromSeconds(30);
    private readonly FakeTeamsChannel _channel = new();

    private string ServiceUrl => _channel.ServiceUrl.ToString();

    public Task InitializeAsync() => _channel.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Fact]
    public async Task A_token_provider_that_throws_sends_nothing_and_reports_the_token_as_unavailable()
    {
        await using var services = Build(new ThrowingTokens());

        var error = await Assert.ThrowsAsync<ConnectorException>(() => SendAsync(services));

        Assert.Equal(TeamsErrorCodes.TokenUnavailable, error.ErrorCode);
        Assert.Null(error.StatusCode);
        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task A_token_request_that_never_ends_is_cut_by_the_attempt_timeout_and_sends_nothing()
    {
        await using var services = Build(new HangingTokens(), attemptTimeout: TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => SendAsync(services)).WaitAsync(TestLimit);

        Assert.Equal(TeamsErrorCodes.TokenUnavailable, error.ErrorCode);
        Assert.Empty(_channel.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task MSAL_against_an_Entra_that_fails_sends_nothing_and_the_next_message_goes_once_Entra_is_back(HttpStatusCode failure)
    {
        var entra = new StubEntra { Failure = failure };
        await using var services = Build(Msal(entra));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => SendAsync(services)).WaitAsync(TestLimit);
        Assert.Equal(TeamsErrorCodes.TokenUnavailable, error.ErrorCode);
        Assert.IsAssignableFrom<MsalException>(error.InnerException);
        Assert.Empty(_channel.Requests);

        entra.Failure = null;
        await SendAsync(services);

        var sent = Assert.Single(_channel.Requests);
        Assert.Equal("Bearer token-1", sent.Authorization);
        Assert.Single(_channel.SentActivities);
    }

    [Fact]
    public async Task MSAL_against_an_Entra_that_does_not_answer_is_cut_by_the_attempt_timeout_and_sends_nothing()
    {
        var entra = new StubEntra { Hang = true };
        await using var services = Build(Msal(entra), attemptTimeout: TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => SendAsync(services)).WaitAsync(TestLimit);

        Assert.Equal(TeamsErrorCodes.TokenUnavailable, error.ErrorCode);
        Assert.Empty(_channel.Requests);
        Assert.NotEmpty(entra.TokenRequests);
    }

    private static MsalAccessTokenProvider Msal(StubEntra entra) => new(
        Options.Create(new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppType = MicrosoftAppType.MultiTenant }),
        Options.Create(new BotCredentialOptions { MicrosoftAppPassword = "s3cret" }),
        entra);

    private Task<ResourceResponse> SendAsync(IServiceProvider services) =>
        services.GetRequiredService<IConnectorClient>().SendToConversationAsync(ServiceUrl, ConversationId, ActivityExtensions.CreateMessage("Twoja faktura"), CancellationToken.None);

    private ServiceProvider Build(IAccessTokenProvider tokens, TimeSpan? attemptTimeout = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(tokens);
        services.AddBotConnector();
        services.Configure<ConnectorOptions>(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxDelay = TimeSpan.FromMilliseconds(5);
            o.AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10);
        });
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<TrustedServiceUrls>().Trust(ServiceUrl);
        return provider;
    }

    private sealed class ThrowingTokens : IAccessTokenProvider
    {
        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) =>
            Task.FromException<string?>(new MsalServiceException("invalid_client", "AADSTS7000215: Invalid client secret provided."));
    }

    private sealed class HangingTokens : IAccessTokenProvider
    {
        public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }

    /// <summary>Entra's discovery and token endpoints, answering tokens, a failure, or nothing.</summary>
    private sealed class StubEntra : HttpMessageHandler, IMsalHttpClientFactory
    {
        private int _issued;

        public HttpStatusCode? Failure { get; set; }

        public bool Hang { get; set; }

        public List<string> TokenRequests { get; } = [];

        public HttpClient GetHttpClient() => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            {
                lock (TokenRequests)
                {
                    TokenRequests.Add(path);
                }

                if (Hang)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                return Failure is { } status
                    ? EntraAnswers.Json(status, """{"error":"temporarily_unavailable","error_description":"AADSTS50000: There was an error issuing a token.","error_codes":[50000]}""")
                    : EntraAnswers.Token(Interlocked.Increment(ref _issued));
            }

            return EntraAnswers.Metadata(path) ?? new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }
}
