using BillingBot.App.Reminders;
using BillingBot.App.Tests.Hosting;
using BillingBot.Protocol.Connector;
using BillingBot.Storage.Reminders;
using BillingBot.TestKit.Channel;

namespace BillingBot.App.Tests.Reminders;

/// <summary>Reminders reach people who never wrote to the bot, stop for people who blocked it, and survive the channel failing.</summary>
public sealed class ReminderDeliveryTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    private static readonly DateOnly Today = ReminderWorld.Today;

    [Fact]
    public async Task Given_a_contact_without_a_chat_Then_a_1to1_chat_is_created_with_the_tenant_id_stored_and_used_again()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync(connect: false);
        var t = customer.TenantId;
        await world.ConnectAsync(t, customer.Piotr);
        await world.AddInvoiceAsync(t, "FV/2026/11/301", Today);
        var instance = world.StartInstance("one");

        await instance.SweepAsync(world.Time.GetUtcNow());

        var create = Assert.Single(world.Channel.Requests, r => r.Method == "POST" && r.Path == "v3/conversations" && r.Body?["tenantId"]?.GetValue<string>() == t);
        Assert.Equal(customer.Anna, create.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.False(create.Body["isGroup"]!.GetValue<bool>());
        Assert.Equal(Activities.BotId, create.Body["bot"]!["id"]!.GetValue<string>());
        var annaChat = FakeTeamsChannel.PersonalConversationId(t, customer.Anna);
        Assert.Equal([$"{t}|FV/2026/11/301|due|{customer.Anna}"], world.TextsIn(annaChat));
        var stored = await world.References.GetAsync(t, ReminderConversations.OwnerOf(customer.Anna), CancellationToken.None);
        Assert.Equal((annaChat, true), (stored!.Reference.Conversation!.Id, stored.IsActive));

        // Friday: the +3 notice goes to the stored chat, which is not created again.
        world.Time.Advance(TimeSpan.FromDays(3));
        await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal([$"{t}|FV/2026/11/301|due|{customer.Anna}", $"{t}|FV/2026/11/301|after-3|{customer.Anna}"], world.TextsIn(annaChat));
        Assert.Single(world.Channel.Requests, r => r.Path == "v3/conversations" && r.Body?["tenantId"]?.GetValue<string>() == t);
    }

    [Fact]
    public async Task Given_a_tenant_nobody_of_which_wrote_yet_Then_the_chat_is_opened_at_the_configured_service_url()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync(connect: false);
        await world.AddInvoiceAsync(customer.TenantId, "FV/2026/11/311", Today);
        var instance = world.StartInstance("one", settings: new Dictionary<string, string?> { ["Reminders:DefaultServiceUrl"] = world.Channel.ServiceUrl.ToString() });

        var result = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal(2, result.Sent);
        Assert.Equal(
            new[] { customer.Anna, customer.Piotr }.Select(p => FakeTeamsChannel.PersonalConversationId(customer.TenantId, p)).Order(StringComparer.Ordinal),
            world.Channel.Requests.Where(r => r.Path == "v3/conversations" && r.Body?["tenantId"]?.GetValue<string>() == customer.TenantId).Select(r => r.ConversationId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Given_no_chat_and_no_service_url_Then_the_reminder_waits_and_goes_once_someone_of_the_tenant_has_written()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync(connect: false);
        var t = customer.TenantId;
        await world.AddInvoiceAsync(t, "FV/2026/11/312", Today);
        var instance = world.StartInstance("one");

        var waiting = await instance.SweepAsync(world.Time.GetUtcNow());
        var piotrChat = await world.ConnectAsync(t, customer.Piotr);
        world.Time.Advance(TimeSpan.FromMinutes(2));
        var sent = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal((0, 2), (waiting.Sent, waiting.Failed));
        Assert.Equal((2, 2), (sent.TakenOver, sent.Sent));
        Assert.Equal([$"{t}|FV/2026/11/312|due|{customer.Piotr}"], world.TextsIn(piotrChat));
        Assert.Equal([$"{t}|FV/2026/11/312|due|{customer.Anna}"], world.TextsIn(FakeTeamsChannel.PersonalConversationId(t, customer.Anna)));
    }

    [Theory]
    [InlineData(TeamsErrorCodes.ConversationBlockedByUser)]
    [InlineData(TeamsErrorCodes.BotNotInConversationRoster)]
    public async Task Given_a_contact_who_blocked_or_removed_the_bot_Then_their_chat_goes_inactive_the_billing_team_is_told_once_and_nothing_is_retried(string code)
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync(connect: false);
        var t = customer.TenantId;
        var annaChat = await world.ConnectAsync(t, customer.Anna);
        var piotrChat = await world.ConnectAsync(t, customer.Piotr);
        await world.AddInvoiceAsync(t, "FV/2026/11/401", Today);
        var instance = world.StartInstance("one");
        // Anna is the primary contact, so hers is the sweep's first request.
        world.Channel.EnqueueResponse(403, FakeTeamsChannel.TeamsErrorBody(code, "The bot cannot write to this conversation."));

        var first = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal((1, 1), (first.Sent, first.Undeliverable));
        Assert.False((await world.References.GetAsync(t, ReminderConversations.OwnerOf(customer.Anna), CancellationToken.None))!.IsActive);
        Assert.True((await world.References.GetAsync(t, ReminderConversations.OwnerOf(customer.Piotr), CancellationToken.None))!.IsActive);
        var notice = Assert.Single(world.BillingTeam.Notices);
        Assert.Equal(t, notice.TenantId);
        Assert.Contains("Anna Kowalska", notice.Details, StringComparison.Ordinal);
        Assert.Contains(code, notice.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("1230", notice.Details, StringComparison.Ordinal);
        var annaRow = (await world.Ledger.ListForTenantAsync(t, CancellationToken.None)).Single(e => e.Delivery.Recipient!.ObjectId == customer.Anna);
        Assert.Equal((ReminderLedgerState.Undeliverable, code), (annaRow.State, annaRow.Reason));

        // Past the claim timeout, and on Friday with the +3 notice due: Anna's chat is never written to again.
        world.Time.Advance(TimeSpan.FromMinutes(10));
        await instance.SweepAsync(world.Time.GetUtcNow());
        world.Time.Advance(TimeSpan.FromDays(3));
        var friday = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Single(world.RequestsTo(annaChat));
        Assert.Equal([$"{t}|FV/2026/11/401|due|{customer.Piotr}", $"{t}|FV/2026/11/401|after-3|{customer.Piotr}"], world.TextsIn(piotrChat));
        Assert.Equal((1, 1), (friday.Sent, friday.Undeliverable));
        Assert.Single(world.BillingTeam.Notices);
    }

    [Fact]
    public async Task Given_the_channel_failing_with_a_server_error_Then_the_reminder_waits_for_its_claim_to_expire_and_is_then_sent_once()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync(connect: false);
        var t = customer.TenantId;
        var annaChat = await world.ConnectAsync(t, customer.Anna);
        await world.ConnectAsync(t, customer.Piotr);
        await world.AddInvoiceAsync(t, "FV/2026/11/451", Today);
        var instance = world.StartInstance("one");
        world.Channel.EnqueueResponse(503, FakeTeamsChannel.TeamsErrorBody("ServiceError", "Try again later."));

        var failed = await instance.SweepAsync(world.Time.GetUtcNow());
        world.Time.Advance(TimeSpan.FromMinutes(1));
        var tooSoon = await instance.SweepAsync(world.Time.GetUtcNow());
        world.Time.Advance(TimeSpan.FromMinutes(1));
        var retried = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal((1, 1), (failed.Sent, failed.Failed));
        Assert.Equal(0, tooSoon.Claimed);
        Assert.Equal((1, 1), (retried.TakenOver, retried.Sent));
        Assert.Equal([$"{t}|FV/2026/11/451|due|{customer.Anna}"], world.TextsIn(annaChat));
    }
}
