using BillingBot.App.Tests.Hosting;
using BillingBot.App.Tests.Reminders;
using BillingBot.Protocol.Connector;
using BillingBot.Storage.Reminders;
using BillingBot.TestKit.Channel;

namespace BillingBot.App.Tests.Faults;

/// <summary>
/// Teams answers a proactive reminder with 429, 5xx or nothing at all. What the connector retries arrives once in the
/// first sweep; what it may not retry (500, a timeout) waits for its claim to expire and goes again: once when Teams
/// had not taken it, twice when it had (the documented window), never lost. 403 is in ReminderDeliveryTests.
/// </summary>
public sealed class ChannelReminderFaultTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    private static readonly DateOnly Today = ReminderWorld.Today;
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);

    // The connector's own retries, without waiting: a back-off on the world's fake clock would never end.
    private static readonly Dictionary<string, string?> Retrying = new()
    {
        ["Connector:MaxRetries"] = "2",
        ["Connector:BaseDelay"] = "00:00:00",
    };

    [Theory]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_reminder_refused_as_throttled_or_unavailable_is_retried_by_the_connector_and_arrives_once(int status)
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var (chat, delivery, tenant) = await ArrangeAsync(world);
        var instance = world.StartInstance("one", settings: Retrying);
        // Teams always names a wait with 429; none here, so the retry does not wait on the world's fake clock.
        world.Channel.EnqueueResponse(status, FakeTeamsChannel.TeamsErrorBody(status == 429 ? TeamsErrorCodes.Throttled : "ServiceError", "Try again later."), status == 429 ? TimeSpan.Zero : null);

        var sweep = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal((2, 0), (sweep.Sent, sweep.Failed));
        Assert.Equal([delivery], world.TextsIn(chat));
        Assert.Equal(2, world.RequestsTo(chat).Count);
        await AssertSentOnceAsync(world, tenant, chat);
    }

    [Fact]
    public async Task A_reminder_refused_as_throttled_after_the_connector_gave_up_goes_with_a_later_sweep_once()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var (chat, delivery, tenant) = await ArrangeAsync(world);
        var instance = world.StartInstance("one");
        world.Channel.EnqueueResponse(429, FakeTeamsChannel.TeamsErrorBody(TeamsErrorCodes.Throttled, "Too many requests."), TimeSpan.FromSeconds(1));

        var throttled = await instance.SweepAsync(world.Time.GetUtcNow());
        world.Time.Advance(ClaimTimeout);
        var later = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal((1, 1), (throttled.Sent, throttled.Failed));
        Assert.Equal((1, 1), (later.TakenOver, later.Sent));
        Assert.Equal([delivery], world.TextsIn(chat));
        await AssertSentOnceAsync(world, tenant, chat);
    }

    [Fact]
    public async Task A_reminder_answered_500_is_not_retried_by_the_connector_and_goes_again_once_its_claim_expires()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var (chat, delivery, tenant) = await ArrangeAsync(world);
        var instance = world.StartInstance("one", settings: Retrying);
        world.Channel.EnqueueResponse(500, FakeTeamsChannel.TeamsErrorBody("InternalServerError", "Something broke."));

        var failed = await instance.SweepAsync(world.Time.GetUtcNow());
        world.Time.Advance(ClaimTimeout);
        var later = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal((1, 1, 2), (failed.Sent, failed.Failed, world.RequestsTo(chat).Count));
        Assert.Equal((1, 1), (later.TakenOver, later.Sent));
        // Here Teams had not taken it: the customer sees it once. Had it (a 500 after delivery), this is the window below.
        Assert.Equal([delivery], world.TextsIn(chat));
        await AssertSentOnceAsync(world, tenant, chat);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task A_reminder_whose_answer_never_comes_is_sent_again_once_its_claim_expires_twice_only_if_Teams_had_taken_it(bool teamsTookIt, int seen)
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var (chat, delivery, tenant) = await ArrangeAsync(world);
        var instance = world.StartInstance("one", settings: Retrying);
        var silent = world.Channel.Hold(r => r.ConversationId == chat, acceptedBeforeHolding: teamsTookIt);

        var sweep = instance.SweepAsync(world.Time.GetUtcNow());
        await silent.Arrived;
        world.Time.Advance(AttemptTimeout);
        var timedOut = await sweep;
        world.Time.Advance(ClaimTimeout);
        var later = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.False(await silent.Ended);
        Assert.Equal((1, 1), (timedOut.Sent, timedOut.Failed));
        Assert.Equal((1, 1), (later.TakenOver, later.Sent));
        // A timeout is not retried by the connector (Teams may have the message), only by the claim's expiry.
        Assert.Equal(2, world.RequestsTo(chat).Count);
        Assert.Equal(Enumerable.Repeat(delivery, seen), world.TextsIn(chat));
        await AssertSentOnceAsync(world, tenant, chat);
    }

    /// <summary>The ledger has the delivery into the chat once, Sent with the id Teams gave it.</summary>
    private static async Task AssertSentOnceAsync(ReminderWorld world, string tenant, string chat)
    {
        var row = Assert.Single(await world.Ledger.ListForTenantAsync(tenant, CancellationToken.None), e => e.SentTo?.ConversationId == chat);
        Assert.Equal((ReminderLedgerState.Sent, chat), (row.State, row.SentTo!.ConversationId));
        Assert.False(string.IsNullOrEmpty(row.SentTo.ActivityId));
    }

    /// <summary>A customer with an invoice due today for its two billing contacts; the primary contact's chat is the one under test (its reminder goes first).</summary>
    private static async Task<(string Chat, string Delivery, string Tenant)> ArrangeAsync(ReminderWorld world)
    {
        var customer = await world.AddCustomerAsync(connect: false);
        var t = customer.TenantId;
        var chat = await world.ConnectAsync(t, customer.Anna);
        await world.ConnectAsync(t, customer.Piotr);
        await world.AddInvoiceAsync(t, "FV/2026/11/801", Today);
        return (chat, $"{t}|FV/2026/11/801|due|{customer.Anna}", t);
    }
}
