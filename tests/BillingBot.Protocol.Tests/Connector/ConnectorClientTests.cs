using System.Diagnostics;
using System.Net;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Channel;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace BillingBot.Protocol.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string ConversationId = "a:1Hq8-personal;messageid=1@x";
    private readonly FakeTeamsChannel _channel = new();
    private readonly Mock<IAccessTokenProvider> _tokens = new();
    private ServiceProvider _services = null!;

    private IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    private string ServiceUrl => _channel.ServiceUrl.ToString();

    public async Task InitializeAsync()
    {
        await _channel.StartAsync(CancellationToken.None);
        _tokens.Setup(t => t.GetAccessTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("token-abc");
        _services = BuildServices(TimeSpan.FromSeconds(10));
    }

    // Tests share two cores with other test classes: only the hang test may rely on a short attempt timeout.
    private ServiceProvider BuildServices(TimeSpan attemptTimeout)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(_tokens.Object);
        services.AddBotConnector();
        services.Configure<ConnectorOptions>(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxDelay = TimeSpan.FromMilliseconds(5);
            o.AttemptTimeout = attemptTimeout;
        });
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<TrustedServiceUrls>().Trust(ServiceUrl);
        return provider;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task A_message_is_posted_to_the_escaped_conversation_with_the_bearer_token()
    {
        var response = await Client.SendToConversationAsync(ServiceUrl, ConversationId, ActivityExtensions.CreateMessage("Dzień dobry"), CancellationToken.None);

        var request = Assert.Single(_channel.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(ConversationId, request.ConversationId);
        Assert.Contains(Uri.EscapeDataString(ConversationId), request.Path, StringComparison.Ordinal);
        Assert.Equal("Bearer token-abc", request.Authorization);
        Assert.Equal("Dzień dobry", request.Body!["text"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(response.Id));
    }

    [Fact]
    public async Task Reply_update_delete_create_and_get_member_reach_their_endpoints()
    {
        _channel.AddMember(ConversationId, "29:anna", "Anna Kowalska", "6b1e2c3d", "tenant-1");

        await Client.ReplyToActivityAsync(ServiceUrl, ConversationId, "1732", ActivityExtensions.CreateMessage("re"), CancellationToken.None);
        await Client.UpdateActivityAsync(ServiceUrl, ConversationId, "1732", ActivityExtensions.CreateMessage("upd"), CancellationToken.None);
        await Client.DeleteActivityAsync(ServiceUrl, ConversationId, "1732", CancellationToken.None);
        var created = await Client.CreateConversationAsync(ServiceUrl, new ConversationParameters
        {
            Members = [new ChannelAccount("29:anna")],
            TenantId = "tenant-1",
        }, CancellationToken.None);
        var member = await Client.GetConversationMemberAsync(ServiceUrl, ConversationId, "29:anna", CancellationToken.None);

        Assert.Equal(["POST", "PUT", "DELETE", "POST", "GET"], _channel.Requests.Select(r => r.Method));
        Assert.All(_channel.Requests.Take(3), r => Assert.Equal("1732", r.ActivityId));
        Assert.Equal(FakeTeamsChannel.PersonalConversationId("tenant-1", "29:anna"), created.Id);
        Assert.Equal("Anna Kowalska", member.Name);
        Assert.Equal("6b1e2c3d", member.AadObjectId);
    }

    [Fact]
    public async Task An_untrusted_service_url_is_refused_before_a_byte_or_a_token_is_sent()
    {
        var foreign = new Uri(_channel.ServiceUrl, "/other/").ToString();

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.SendToConversationAsync(foreign, ConversationId, ActivityExtensions.CreateMessage("x"), CancellationToken.None));

        Assert.Equal(TeamsErrorCodes.UntrustedServiceUrl, error.ErrorCode);
        Assert.Empty(_channel.Requests);
        _tokens.Verify(t => t.GetAccessTokenAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_the_channel_asked_for()
    {
        _channel.EnqueueResponse(429, FakeTeamsChannel.TeamsErrorBody("Throttled", "slow down"), TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await Client.SendToConversationAsync(ServiceUrl, ConversationId, ActivityExtensions.CreateMessage("x"), CancellationToken.None);

        Assert.Equal(2, _channel.Requests.Count);
        Assert.Single(_channel.SentActivities);
        // The backoff alone is a few milliseconds here: only the Retry-After can make the retry wait a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed}");
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_answers_are_retried_a_bounded_number_of_times(int status)
    {
        for (var i = 0; i < 10; i++)
        {
            _channel.EnqueueResponse(status);
        }

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.SendToConversationAsync(ServiceUrl, ConversationId, ActivityExtensions.CreateMessage("x"), CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(4, _channel.Requests.Count);
    }

    [Fact]
    public async Task A_500_is_not_retried_since_the_message_may_have_been_delivered()
    {
        _channel.EnqueueResponse(500);

        await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.SendToConversationAsync(ServiceUrl, ConversationId, ActivityExtensions.CreateMessage("x"), CancellationToken.None));

        Assert.Single(_channel.Requests);
    }

    [Theory]
    [InlineData(TeamsErrorCodes.BotNotInConversationRoster, 403)]
    [InlineData(TeamsErrorCodes.ConversationBlockedByUser, 403)]
    [InlineData(TeamsErrorCodes.ConversationNotFound, 404)]
    public async Task Teams_error_codes_are_carried_by_a_typed_exception(string code, int status)
    {
        _channel.EnqueueResponse(status, FakeTeamsChannel.TeamsErrorBody(code, "nope"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.SendToConversationAsync(ServiceUrl, ConversationId, ActivityExtensions.CreateMessage("x"), CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(status == 403, error.IsConversationGone);
    }

    [Fact]
    public async Task The_MessageWritesBlocked_shape_is_understood()
    {
        _channel.EnqueueResponse(403, FakeTeamsChannel.MessageWritesBlockedBody());

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.SendToConversationAsync(ServiceUrl, ConversationId, ActivityExtensions.CreateMessage("x"), CancellationToken.None));

        Assert.Equal(TeamsErrorCodes.MessageWritesBlocked, error.ErrorCode);
        Assert.True(error.IsConversationGone);
    }

    [Fact]
    public async Task A_channel_that_does_not_answer_times_out_without_a_resend()
    {
        _channel.EnqueueHang();
        await using var shortTimeout = BuildServices(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            shortTimeout.GetRequiredService<IConnectorClient>().SendToConversationAsync(ServiceUrl, ConversationId, ActivityExtensions.CreateMessage("x"), CancellationToken.None));

        Assert.Equal(TeamsErrorCodes.Timeout, error.ErrorCode);
        Assert.Single(_channel.Requests);
    }
}
