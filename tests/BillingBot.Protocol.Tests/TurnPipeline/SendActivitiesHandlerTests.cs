using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;
using BillingBot.TestKit.Dialogs;

namespace BillingBot.Protocol.Tests.TurnPipeline;

/// <summary>Handlers registered with OnSendActivities see what a turn sends, in order, and decide whether it goes out.</summary>
public sealed class SendActivitiesHandlerTests
{
    [Fact]
    public async Task Handlers_see_every_activity_in_the_order_they_were_added_and_may_change_it_before_it_is_sent()
    {
        var adapter = new TestAdapter();
        var seen = new List<string>();

        await adapter.ProcessActivityAsync(adapter.MakeActivity("hi"), async (turn, ct) =>
        {
            turn.OnSendActivities(async (_, activities, next) =>
            {
                seen.Add("first:" + activities[0].Text);
                activities[0].Text += "!";
                return await next();
            });
            turn.OnSendActivities(async (_, activities, next) =>
            {
                seen.Add("second:" + activities[0].Text);
                return await next();
            });
            await turn.SendActivityAsync("one", ct);
            await turn.SendActivityAsync("two", ct);
        }, CancellationToken.None);

        Assert.Equal(["first:one", "second:one!", "first:two", "second:two!"], seen);
        Assert.Equal(["one!", "two!"], adapter.Sent.Select(a => a.Text));
    }

    [Fact]
    public async Task A_handler_that_does_not_call_next_keeps_the_activity_from_being_sent()
    {
        var adapter = new TestAdapter();
        var responded = true;

        await adapter.ProcessActivityAsync(adapter.MakeActivity("hi"), async (turn, ct) =>
        {
            turn.OnSendActivities((_, _, _) => Task.FromResult(Array.Empty<ResourceResponse>()));
            await turn.SendActivityAsync("dropped", ct);
            responded = turn.Responded;
        }, CancellationToken.None);

        Assert.Empty(adapter.Sent);
        Assert.False(responded);
    }
}
