using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BillingBot.TestKit.Channel;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.Protocol.Tests.TestKit;

public sealed class FakeTeamsChannelTests : IAsyncLifetime
{
    private const string ThreadId = "19:abc@thread.tacv2;messageid=1732500000000";

    private readonly FakeTeamsChannel _channel = new();
    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public Task InitializeAsync() => _channel.StartAsync(_timeout.Token);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _timeout.Dispose();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task Service_url_ends_with_a_slash_and_keeps_the_teams_base_path()
    {
        Assert.EndsWith("/teams/", _channel.ServiceUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", _channel.ServiceUrl.Host);

        // A bot that builds "/v3/..." from the root drops the base path and must notice.
        using var response = await _http.PostAsJsonAsync(new Uri(_channel.ServiceUrl, "/v3/conversations/x/activities"), new { type = "message" }, _timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/v3/conversations/x/activities", Assert.Single(_channel.Requests).Path);
    }

    [Fact]
    public async Task Send_is_recorded_with_the_unescaped_conversation_id()
    {
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "abc");

        using var response = await _http.PostAsJsonAsync(ActivitiesUrl(ThreadId), new { type = "message", text = "hi" }, _timeout.Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (string?)(await response.Content.ReadFromJsonAsync<JsonNode>(_timeout.Token))!["id"];
        Assert.False(string.IsNullOrEmpty(id));
        var request = Assert.Single(_channel.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"v3/conversations/{Uri.EscapeDataString(ThreadId)}/activities", request.Path);
        Assert.Equal(ThreadId, request.ConversationId);
        Assert.Null(request.ActivityId);
        Assert.Equal("Bearer abc", request.Authorization);
        Assert.Equal("hi", (string?)Assert.Single(_channel.SentActivities)["text"]);
    }

    [Fact]
    public async Task Reply_update_and_delete_carry_the_activity_id()
    {
        using var reply = await _http.PostAsJsonAsync(ActivityUrl(ThreadId, "1:2"), new { type = "message" }, _timeout.Token);
        using var update = await _http.PutAsJsonAsync(ActivityUrl(ThreadId, "1:2"), new { type = "message", text = "new" }, _timeout.Token);
        using var delete = await _http.DeleteAsync(ActivityUrl(ThreadId, "1:2"), _timeout.Token);

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal("1:2", (string?)(await update.Content.ReadFromJsonAsync<JsonNode>(_timeout.Token))!["id"]);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Empty(await delete.Content.ReadAsByteArrayAsync(_timeout.Token));
        Assert.All(_channel.Requests, r => Assert.Equal("1:2", r.ActivityId));
        Assert.Equal(["POST", "PUT", "DELETE"], _channel.Requests.Select(r => r.Method));
        Assert.Equal(2, _channel.SentActivities.Count);
    }

    [Fact]
    public async Task Scripted_429_has_retry_after_and_the_next_request_succeeds()
    {
        _channel.EnqueueResponse(429, FakeTeamsChannel.TeamsErrorBody("Throttled", "slow down"), TimeSpan.FromSeconds(1.5));

        using var throttled = await _http.PostAsJsonAsync(ActivitiesUrl("a:1"), new { type = "message" }, _timeout.Token);
        using var retried = await _http.PostAsJsonAsync(ActivitiesUrl("a:1"), new { type = "message" }, _timeout.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), throttled.Headers.RetryAfter?.Delta);
        var error = await throttled.Content.ReadFromJsonAsync<JsonNode>(_timeout.Token);
        Assert.Equal("Throttled", (string?)error!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(2, _channel.Requests.Count);
        Assert.Single(_channel.SentActivities);
    }

    [Fact]
    public void MessageWritesBlocked_body_has_the_nested_json_shape()
    {
        var body = JsonNode.Parse(FakeTeamsChannel.MessageWritesBlockedBody())!;

        Assert.Equal(209, (int)body["errorCode"]!);
        var inner = JsonNode.Parse((string)body["message"]!)!;
        Assert.Equal("MessageWritesBlocked", (string?)inner["subCode"]);
    }

    [Fact]
    public async Task Create_conversation_returns_a_stable_id_per_user_and_records_the_activity()
    {
        var first = await CreateAsync("29:user-1", "tenant-1", withActivity: true);
        var again = await CreateAsync("29:user-1", "tenant-1", withActivity: false);
        var other = await CreateAsync("29:user-2", "tenant-1", withActivity: false);

        var id = (string?)first["id"];
        Assert.StartsWith("a:", id, StringComparison.Ordinal);
        Assert.Equal(FakeTeamsChannel.PersonalConversationId("tenant-1", "29:user-1"), id);
        Assert.Equal(id, (string?)again["id"]);
        Assert.NotEqual(id, (string?)other["id"]);
        Assert.NotNull(first["activityId"]);
        Assert.Equal(id, _channel.Requests[0].ConversationId);
        Assert.Equal("welcome", (string?)Assert.Single(_channel.SentActivities)["text"]);
    }

    [Fact]
    public async Task Create_conversation_takes_the_tenant_from_channel_data_and_refuses_group_chats()
    {
        var body = new JsonObject
        {
            ["members"] = new JsonArray(new JsonObject { ["id"] = "29:user-1" }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };
        using var personal = await _http.PostAsJsonAsync(ConversationsUrl(), body, _timeout.Token);
        using var group = await _http.PostAsJsonAsync(ConversationsUrl(), new { isGroup = true, tenantId = "t" }, _timeout.Token);

        Assert.Equal(HttpStatusCode.Created, personal.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, group.StatusCode);
    }

    [Fact]
    public async Task Member_lookup_returns_registered_members_else_404()
    {
        _channel.AddMember("a:1", "29:user-1", "Ada", "aad-1", "tenant-1");

        var byId = await _http.GetFromJsonAsync<JsonNode>(MemberUrl("a:1", "29:user-1"), _timeout.Token);
        var byObjectId = await _http.GetFromJsonAsync<JsonNode>(MemberUrl("a:1", "aad-1"), _timeout.Token);
        using var missing = await _http.GetAsync(MemberUrl("a:2", "29:user-1"), _timeout.Token);

        Assert.Equal("Ada", (string?)byId!["name"]);
        Assert.Equal("user", (string?)byId["userRole"]);
        Assert.Equal("tenant-1", (string?)byObjectId!["tenantId"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var error = await missing.Content.ReadFromJsonAsync<JsonNode>(_timeout.Token);
        Assert.Equal("MemberNotFoundInConversation", (string?)error!["error"]!["code"]);
    }

    [Fact]
    public async Task WaitForRequestsAsync_completes_when_enough_requests_arrived()
    {
        var waiting = _channel.WaitForRequestsAsync(2, _timeout.Token);

        using var first = await _http.DeleteAsync(ActivityUrl("a:1", "1"), _timeout.Token);
        Assert.False(waiting.IsCompleted);
        using var second = await _http.DeleteAsync(ActivityUrl("a:1", "2"), _timeout.Token);

        var requests = await waiting;
        Assert.Equal(["1", "2"], requests.Select(r => r.ActivityId));
        Assert.Equal(2, (await _channel.WaitForRequestsAsync(1, _timeout.Token)).Count);
    }

    [Fact]
    public async Task WaitForRequestsAsync_honours_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        var waiting = _channel.WaitForRequestsAsync(1, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task RequireBearer_rejects_requests_without_a_bearer_token()
    {
        _channel.RequireBearer = true;

        using var response = await _http.PostAsJsonAsync(ActivitiesUrl("a:1"), new { type = "message" }, _timeout.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(Assert.Single(_channel.Requests).Authorization);
        Assert.Empty(_channel.SentActivities);
    }

    [Fact]
    public async Task Hang_never_answers_until_the_client_gives_up()
    {
        _channel.EnqueueHang();
        using var clientTimeout = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);

        var call = _http.DeleteAsync(ActivityUrl("a:1", "1"), clientTimeout.Token);
        await _channel.WaitForRequestsAsync(1, _timeout.Token);
        Assert.False(call.IsCompleted);
        await clientTimeout.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        using var next = await _http.DeleteAsync(ActivityUrl("a:1", "2"), _timeout.Token);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Hold_keeps_the_nth_matching_request_waiting_until_released_and_then_answers_it()
    {
        var hold = _channel.Hold(r => r.ConversationId == "a:held", occurrence: 2);
        using (await _http.PostAsJsonAsync(ActivitiesUrl("a:held"), new { type = "message", text = "one" }, _timeout.Token))
        {
        }

        var second = _http.PostAsJsonAsync(ActivitiesUrl("a:held"), new { type = "message", text = "two" }, _timeout.Token);
        var held = await hold.Arrived.WaitAsync(_timeout.Token);
        using (await _http.PostAsJsonAsync(ActivitiesUrl("a:other"), new { type = "message", text = "other" }, _timeout.Token))
        {
        }

        Assert.Equal("two", (string?)held.Body!["text"]);
        Assert.False(second.IsCompleted);
        Assert.Equal(["one", "other"], _channel.SentActivities.Select(a => (string?)a["text"]));
        hold.Release();
        using var answer = await second;
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.True(await hold.Ended);
        Assert.Equal(["one", "other", "two"], _channel.SentActivities.Select(a => (string?)a["text"]));
    }

    [Fact]
    public async Task A_held_request_can_be_answered_with_a_failure_instead_and_is_then_not_delivered()
    {
        var hold = _channel.Hold(r => r.Method == "POST");

        var call = _http.PostAsJsonAsync(ActivitiesUrl("a:1"), new { type = "message", text = "refused" }, _timeout.Token);
        await hold.Arrived.WaitAsync(_timeout.Token);
        hold.Answer(500, FakeTeamsChannel.TeamsErrorBody("InternalServerError", "no"));

        using var response = await call;
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("InternalServerError", await response.Content.ReadAsStringAsync(_timeout.Token), StringComparison.Ordinal);
        Assert.Empty(_channel.SentActivities);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_held_request_whose_client_goes_away_is_delivered_only_if_it_was_accepted_before_holding(bool acceptedBeforeHolding)
    {
        var hold = _channel.Hold(_ => true, acceptedBeforeHolding: acceptedBeforeHolding);
        using var client = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);

        var call = _http.PostAsJsonAsync(ActivitiesUrl("a:1"), new { type = "message", text = "maybe" }, client.Token);
        await hold.Arrived.WaitAsync(_timeout.Token);
        await client.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.False(await hold.Ended.WaitAsync(_timeout.Token));
        Assert.Equal(acceptedBeforeHolding ? 1 : 0, _channel.SentActivities.Count);
    }

    [Fact]
    public async Task Dispose_releases_a_hanging_request_by_dropping_the_connection()
    {
        var channel = new FakeTeamsChannel();
        await channel.StartAsync(_timeout.Token);
        channel.EnqueueHang();
        var call = _http.DeleteAsync(new Uri(channel.ServiceUrl, "v3/conversations/a%3A1/activities/1"), _timeout.Token);
        await channel.WaitForRequestsAsync(1, _timeout.Token);

        await channel.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => call);
    }

    [Fact]
    public async Task Delay_follows_the_channel_time_provider()
    {
        var clock = new FakeTimeProvider();
        await using var channel = new FakeTeamsChannel { TimeProvider = clock, BasePath = "/" };
        await channel.StartAsync(_timeout.Token);
        channel.EnqueueDelay(TimeSpan.FromSeconds(30));

        var call = _http.DeleteAsync(new Uri(channel.ServiceUrl, "v3/conversations/a%3A1/activities/1"), _timeout.Token);
        await channel.WaitForRequestsAsync(1, _timeout.Token);
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(30));

        using var response = await call;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonNode> CreateAsync(string memberId, string tenantId, bool withActivity)
    {
        var body = new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = "28:app" },
            ["members"] = new JsonArray(new JsonObject { ["id"] = memberId }),
            ["tenantId"] = tenantId,
        };
        if (withActivity)
        {
            body["activity"] = new JsonObject { ["type"] = "message", ["text"] = "welcome" };
        }

        using var response = await _http.PostAsJsonAsync(ConversationsUrl(), body, _timeout.Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>(_timeout.Token))!;
    }

    private Uri ConversationsUrl() => new(_channel.ServiceUrl, "v3/conversations");

    private Uri ActivitiesUrl(string conversationId) =>
        new(_channel.ServiceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities");

    private Uri ActivityUrl(string conversationId, string activityId) =>
        new(_channel.ServiceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}");

    private Uri MemberUrl(string conversationId, string memberId) =>
        new(_channel.ServiceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/members/{Uri.EscapeDataString(memberId)}");
}
