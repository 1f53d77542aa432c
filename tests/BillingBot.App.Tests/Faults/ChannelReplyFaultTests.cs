using System.Net;
using BillingBot.App.Tests.Hosting;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.State;
using BillingBot.TestKit.Channel;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Faults;

/// <summary>
/// Teams answers the bot's reply to a customer's message with 429, 5xx, nothing at all, or 403. What the customer
/// sees is compared with the same message in a chat where Teams answers normally: retried answers arrive once, answers
/// that may already have been delivered are never sent again (an apology follows instead), and a chat that refuses
/// the bot gets nothing more. Teams always gets 200 for the message itself.
/// </summary>
public sealed class ChannelReplyFaultTests : BotHostTestBase
{
    private const string Polish = "pl-PL";

    // Long enough for a loaded machine to answer a normal reply, short enough for the one test that waits it out.
    private static readonly Dictionary<string, string?> Settings = new() { ["Connector:AttemptTimeout"] = "00:00:02" };

    public ChannelReplyFaultTests(BotEnvironment env)
        : base(env, new BotHost(env.Azurite, settings: Settings))
    {
    }

    [Theory]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_reply_refused_as_throttled_or_unavailable_is_retried_and_the_customer_sees_it_once(int status)
    {
        var expected = await RepliesWithoutFaultsAsync("pomoc");
        var conversation = Activities.NewConversationId();
        Env.Channel.EnqueueResponse(
            status,
            FakeTeamsChannel.TeamsErrorBody(status == 429 ? TeamsErrorCodes.Throttled : "ServiceError", "Try again later."),
            status == 429 ? TimeSpan.FromSeconds(1) : null);

        using var response = await SayAsync(conversation, "pomoc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, ShownIn(conversation));
        Assert.Equal(expected.Count + 1, Env.RequestsTo(conversation).Count());
    }

    [Fact]
    public async Task A_reply_answered_500_is_not_sent_again_since_Teams_may_have_delivered_it_and_the_customer_is_told()
    {
        var conversation = Activities.NewConversationId();
        Env.Channel.EnqueueResponse(500, FakeTeamsChannel.TeamsErrorBody("InternalServerError", "Something broke."));

        using var response = await SayAsync(conversation, "pomoc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = Env.RequestsTo(conversation).ToList();
        Assert.Equal(2, requests.Count);
        Assert.StartsWith(Apologies.TurnFailed(Polish), requests[1].Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_Teams_delivered_but_never_confirmed_times_out_is_not_sent_again_and_the_customer_is_told()
    {
        var conversation = Activities.NewConversationId();
        var expected = await RepliesWithoutFaultsAsync("pomoc");
        var lost = Env.Channel.Hold(r => r.ConversationId == conversation, acceptedBeforeHolding: true);

        using var response = await SayAsync(conversation, "pomoc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await lost.Ended);
        var shown = ShownIn(conversation);
        Assert.Equal(2, shown.Count);
        Assert.Equal(expected[0], shown[0]);
        Assert.StartsWith(Apologies.TurnFailed(Polish), shown[1], StringComparison.Ordinal);
        Assert.Equal(2, Env.RequestsTo(conversation).Count());
    }

    [Theory]
    [InlineData(TeamsErrorCodes.BotNotInConversationRoster)]
    [InlineData(TeamsErrorCodes.ConversationBlockedByUser)]
    public async Task A_reply_refused_because_the_bot_was_removed_or_blocked_is_not_retried_and_the_chat_is_marked_unreachable(string code)
    {
        var conversation = Activities.NewConversationId();
        var aad = Guid.NewGuid().ToString();
        var references = Host.Services.GetRequiredService<IConversationReferenceStore>();
        Env.Channel.EnqueueResponse(403, FakeTeamsChannel.TeamsErrorBody(code, "The bot cannot write to this conversation."));

        using var response = await SayAsync(conversation, "pomoc", aad);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // One request: no retry, and no apology into a chat that refuses the bot.
        Assert.Single(Env.RequestsTo(conversation));
        Assert.Empty(ShownIn(conversation));
        Assert.False((await references.GetAsync(Activities.TenantId, "user:" + aad, CancellationToken.None))!.IsActive);

        // When they write again (the bot is back), the chat is theirs again and the answer arrives.
        using var again = await SayAsync(conversation, "pomoc", aad);

        Assert.Equal(await RepliesWithoutFaultsAsync("pomoc"), ShownIn(conversation));
        Assert.True((await references.GetAsync(Activities.TenantId, "user:" + aad, CancellationToken.None))!.IsActive);
    }

    private async Task<IReadOnlyList<string>> RepliesWithoutFaultsAsync(string text)
    {
        var conversation = Activities.NewConversationId();
        using var response = await SayAsync(conversation, text);
        var replies = ShownIn(conversation);
        Assert.NotEmpty(replies);
        return replies;
    }

    private Task<HttpResponseMessage> SayAsync(string conversation, string text, string? aad = null)
    {
        var message = Activities.Message(Env.Channel.ServiceUrl, conversation, text, Polish);
        if (aad is not null)
        {
            message["from"]!["aadObjectId"] = aad;
        }

        return Host.PostActivityAsync(Http, message);
    }

    /// <summary>What the customer sees in a chat: the activities Teams accepted, as text (or the card when there is none).</summary>
    private List<string> ShownIn(string conversation) =>
        [.. Env.Channel.SentActivities
            .Where(a => a["conversation"]?["id"]?.GetValue<string>() == conversation)
            .Select(a => a["text"]?.GetValue<string>() ?? a["attachments"]?.ToJsonString() ?? string.Empty)];
}
