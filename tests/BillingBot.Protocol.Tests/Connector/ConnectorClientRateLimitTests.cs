using System.Net;
using System.Threading.RateLimiting;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Channel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace BillingBot.Protocol.Tests.Connector;

/// <summary>
/// The connector client under the rate limiter, against a channel that enforces Teams' limits. Tests that need a write to wait
/// give the limiter a fake clock that never moves; the others run on real time but wait at most a second.
/// </summary>
public sealed class ConnectorClientRateLimitTests : IAsyncLifetime
{
    private const string Anna = "a:1anna";
    private const string Tenant = "tenant-a";

    private readonly FakeTeamsChannel _channel = new() { RateLimits = ChannelRateLimits.Teams };
    private ServiceProvider _services = null!;

    private IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    private ConnectorRateLimiter Limiter => _services.GetRequiredService<ConnectorRateLimiter>();

    private string ServiceUrl => _channel.ServiceUrl.ToString();

    public async Task InitializeAsync()
    {
        await _channel.StartAsync(CancellationToken.None);
        _services = BuildServices(maxRetries: 3, clock: null);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task Every_write_into_a_conversation_takes_a_permit_and_reading_a_member_does_not()
    {
        _channel.AddMember(Anna, "29:anna", "Anna Kowalska");

        await Client.SendToConversationAsync(ServiceUrl, Anna, Message("1"), CancellationToken.None);
        await Client.ReplyToActivityAsync(ServiceUrl, Anna, "1732", Message("2"), CancellationToken.None);
        await Client.UpdateActivityAsync(ServiceUrl, Anna, "1732", Message("3"), CancellationToken.None);
        await Client.DeleteActivityAsync(ServiceUrl, Anna, "1732", CancellationToken.None);
        await Client.CreateConversationAsync(ServiceUrl, new ConversationParameters { Members = [new ChannelAccount("29:piotr")], TenantId = Tenant }, CancellationToken.None);
        await Client.GetConversationMemberAsync(ServiceUrl, Anna, "29:anna", CancellationToken.None);

        Assert.Equal(5, Limiter.GetStatistics(new ConnectorTarget(Anna, Tenant))!.TotalSuccessfulLeases);
        Assert.Equal(5, _channel.RateStatistics.Writes);
        Assert.Equal(5, _channel.RateStatistics.PeakPerTenantPerSecond[Tenant]);
    }

    [Fact]
    public async Task A_retried_attempt_takes_a_permit_of_its_own()
    {
        _channel.EnqueueResponse(503);
        _channel.EnqueueResponse(502);

        await Client.SendToConversationAsync(ServiceUrl, Anna, Message("x"), CancellationToken.None);

        Assert.Equal(3, _channel.Requests.Count);
        Assert.Equal(3, Limiter.GetStatistics(new ConnectorTarget(Anna, Tenant))!.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task Given_seven_messages_to_a_conversation_When_an_eighth_waits_and_is_cancelled_Then_nothing_more_reaches_Teams()
    {
        await using var frozen = BuildServices(maxRetries: 3, new FakeTimeProvider());
        var client = frozen.GetRequiredService<IConnectorClient>();
        for (var i = 0; i < 7; i++)
        {
            await client.SendToConversationAsync(ServiceUrl, Anna, Message($"{i}", tenantId: null), CancellationToken.None);
        }

        using var cancel = new CancellationTokenSource();
        var eighth = client.SendToConversationAsync(ServiceUrl, Anna, Message("8", tenantId: null), cancel.Token);
        var waited = !eighth.IsCompleted;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => eighth.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(waited);
        Assert.Equal(7, _channel.Requests.Count);
        Assert.Equal(0, _channel.RateStatistics.Throttled);
    }

    [Fact]
    public async Task Given_a_429_with_Retry_After_Then_the_conversation_and_its_tenant_pause_for_it_and_other_tenants_do_not()
    {
        await using var noRetries = BuildServices(maxRetries: 0, new FakeTimeProvider());
        _channel.EnqueueResponse(429, FakeTeamsChannel.TeamsErrorBody(TeamsErrorCodes.Throttled, "slow down"), TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            noRetries.GetRequiredService<IConnectorClient>().SendToConversationAsync(ServiceUrl, Anna, Message("x"), CancellationToken.None));

        var limiter = noRetries.GetRequiredService<ConnectorRateLimiter>();
        var sameConversation = limiter.AttemptAcquire(new ConnectorTarget(Anna, Tenant));
        var sameTenant = limiter.AttemptAcquire(new ConnectorTarget("a:1piotr", Tenant));
        var otherTenant = limiter.AttemptAcquire(new ConnectorTarget("a:1jan", "tenant-b"));
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), RetryAfter(sameConversation));
        Assert.Equal(TimeSpan.FromSeconds(3), RetryAfter(sameTenant));
        Assert.True(otherTenant.IsAcquired);
    }

    [Fact]
    public async Task A_created_conversation_counts_its_create_so_the_messages_after_it_stay_within_the_limit()
    {
        var created = await Client.CreateConversationAsync(ServiceUrl, new ConversationParameters { Members = [new ChannelAccount("29:anna")], TenantId = Tenant }, CancellationToken.None);

        // The channel counts the create too: were the client not to, the seventh message would be the eighth write in a second.
        await Task.WhenAll(Enumerable.Range(0, 7).Select(i =>
            Client.SendToConversationAsync(ServiceUrl, created.Id!, Message($"{i}", Tenant, created.Id!), CancellationToken.None)));

        Assert.Equal(0, _channel.RateStatistics.Throttled);
        Assert.Equal(8, _channel.RateStatistics.Writes);
        Assert.InRange(_channel.RateStatistics.PeakPerConversationPerSecond, 1, 7);
    }

    private static Activity Message(string text, string? tenantId = Tenant, string conversationId = Anna)
    {
        var message = ActivityExtensions.CreateMessage(text);
        message.Conversation = new ConversationAccount { Id = conversationId, TenantId = tenantId };
        return message;
    }

    private static TimeSpan? RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;

    private ServiceProvider BuildServices(int maxRetries, TimeProvider? clock)
    {
        var tokens = new Mock<IAccessTokenProvider>();
        tokens.Setup(t => t.GetAccessTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("token-abc");
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(tokens.Object);
        if (clock is not null)
        {
            services.AddKeyedSingleton(ConnectorRateLimiter.ClockServiceKey, clock);
        }

        services.AddBotConnector();
        services.Configure<ConnectorOptions>(o =>
        {
            o.MaxRetries = maxRetries;
            o.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxDelay = TimeSpan.FromMilliseconds(5);
        });
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<TrustedServiceUrls>().Trust(ServiceUrl);
        return provider;
    }
}
