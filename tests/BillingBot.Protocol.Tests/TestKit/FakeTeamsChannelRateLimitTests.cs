using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BillingBot.TestKit.Channel;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.Protocol.Tests.TestKit;

/// <summary>The fake channel enforcing Teams' rate limits, on a fake clock the tests advance.</summary>
public sealed class FakeTeamsChannelRateLimitTests : IAsyncLifetime
{
    private const string Anna = "a:1anna";
    private const string Piotr = "a:1piotr";

    private readonly FakeTimeProvider _clock = new();
    private readonly FakeTeamsChannel _channel;
    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public FakeTeamsChannelRateLimitTests() =>
        _channel = new FakeTeamsChannel { RateLimits = new ChannelRateLimits(TenantRequestsPerSecond: 10), TimeProvider = _clock };

    public Task InitializeAsync() => _channel.StartAsync(_timeout.Token);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _timeout.Dispose();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task Given_seven_messages_in_a_second_When_an_eighth_arrives_Then_it_gets_429_with_Retry_After_and_Teams_error()
    {
        var accepted = await SendAsync(Anna, "tenant-a", 7);

        using var eighth = await PostAsync(Anna, "tenant-a");
        var error = await eighth.Content.ReadFromJsonAsync<JsonNode>(_timeout.Token);
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var later = await PostAsync(Anna, "tenant-a");

        Assert.All(accepted, status => Assert.Equal(HttpStatusCode.Created, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, eighth.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), eighth.Headers.RetryAfter?.Delta);
        Assert.Equal("Throttled", (string?)error!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal(8, _channel.SentActivities.Count);
        Assert.Equal(1, _channel.RateStatistics.Throttled);
    }

    [Fact]
    public async Task Given_eight_messages_in_two_seconds_Then_a_ninth_waits_for_the_first_to_leave_the_window()
    {
        await SendAsync(Anna, "tenant-a", 7);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var eighth = await SendAsync(Anna, "tenant-a", 1);

        using var ninth = await PostAsync(Anna, "tenant-a");

        Assert.Equal([HttpStatusCode.Created], eighth);
        Assert.Equal(HttpStatusCode.TooManyRequests, ninth.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), ninth.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Given_sixty_messages_in_thirty_seconds_Then_the_next_waits_until_the_first_is_thirty_seconds_old()
    {
        for (var second = 0; second < 15; second++)
        {
            Assert.All(await SendAsync(Anna, "tenant-a", 4), status => Assert.Equal(HttpStatusCode.Created, status));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        using var sixtyFirst = await PostAsync(Anna, "tenant-a");

        Assert.Equal(HttpStatusCode.TooManyRequests, sixtyFirst.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(15), sixtyFirst.Headers.RetryAfter?.Delta);
        // Peaks count what arrived, the refused write included: they show what the client sent.
        Assert.Equal(61, _channel.RateStatistics.PeakPerConversationPer30Seconds);
    }

    [Fact]
    public async Task Given_1800_messages_in_an_hour_Then_the_next_waits_until_the_first_is_an_hour_old()
    {
        for (var halfMinute = 0; halfMinute < 30; halfMinute++)
        {
            for (var second = 0; second < 15; second++)
            {
                Assert.All(await SendAsync(Anna, "tenant-a", 4), status => Assert.Equal(HttpStatusCode.Created, status));
                _clock.Advance(TimeSpan.FromSeconds(1));
            }

            _clock.Advance(TimeSpan.FromSeconds(15));
        }

        using var next = await PostAsync(Anna, "tenant-a");

        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(30 * 30), next.Headers.RetryAfter?.Delta);
        Assert.Equal(1801, _channel.RateStatistics.PeakPerConversationPerHour);
    }

    [Fact]
    public async Task Given_a_tenant_at_its_ceiling_Then_its_other_conversations_get_429_and_other_tenants_do_not()
    {
        for (var i = 0; i < 10; i++)
        {
            await SendAsync($"a:1user-{i}", "tenant-a", 1);
        }

        using var sameTenant = await PostAsync(Piotr, "tenant-a");
        using var otherTenant = await PostAsync("a:1jan", "tenant-b");

        Assert.Equal(HttpStatusCode.TooManyRequests, sameTenant.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherTenant.StatusCode);
        Assert.Equal(11, _channel.RateStatistics.PeakPerTenantPerSecond["tenant-a"]);
    }

    [Fact]
    public async Task Creates_count_against_the_conversation_they_create_and_deletes_against_the_conversations_tenant()
    {
        using var create = await _http.PostAsJsonAsync(
            new Uri(_channel.ServiceUrl, "v3/conversations"),
            new { isGroup = false, tenantId = "tenant-a", members = new[] { new { id = "29:anna" } } },
            _timeout.Token);
        var created = (string)(await create.Content.ReadFromJsonAsync<JsonNode>(_timeout.Token))!["id"]!;
        await SendAsync(created, "tenant-a", 6);
        using var eighthInCreated = await PostAsync(created, "tenant-a");
        await SendAsync(Anna, "tenant-a", 1);
        await SendAsync(Piotr, "tenant-a", 2);

        // Ten writes so far for the tenant; the delete names no tenant, but the channel knows Anna's.
        using var delete = await _http.DeleteAsync(new Uri(_channel.ServiceUrl, $"v3/conversations/{Uri.EscapeDataString(Anna)}/activities/1"), _timeout.Token);

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, eighthInCreated.StatusCode);
        Assert.Contains("per conversation", await eighthInCreated.Content.ReadAsStringAsync(_timeout.Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, delete.StatusCode);
        Assert.Contains("per tenant", await delete.Content.ReadAsStringAsync(_timeout.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_limits_the_channel_accepts_everything_and_still_measures_the_peaks()
    {
        await using var measuring = new FakeTeamsChannel { TimeProvider = _clock };
        await measuring.StartAsync(_timeout.Token);

        for (var i = 0; i < 9; i++)
        {
            using var response = await _http.PostAsJsonAsync(
                new Uri(measuring.ServiceUrl, $"v3/conversations/{Uri.EscapeDataString(Anna)}/activities"),
                new { type = "message", conversation = new { id = Anna, tenantId = "tenant-a" } },
                _timeout.Token);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var statistics = measuring.RateStatistics;
        Assert.Equal((9, 0, 9, 9), (statistics.Writes, statistics.Throttled, statistics.PeakPerConversationPerSecond, statistics.PeakTenantPerSecond));
    }

    private async Task<List<HttpStatusCode>> SendAsync(string conversationId, string tenantId, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await PostAsync(conversationId, tenantId);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private Task<HttpResponseMessage> PostAsync(string conversationId, string tenantId) =>
        _http.PostAsJsonAsync(
            new Uri(_channel.ServiceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"),
            new { type = "message", text = "Przypomnienie", conversation = new { id = conversationId, tenantId } },
            _timeout.Token);
}
