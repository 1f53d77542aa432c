using BillingBot.Billing.Handoff;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Suspensions;
using BillingBot.Billing.Understanding;
using BillingBot.Storage.Handoff;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using Microsoft.Extensions.Options;

namespace BillingBot.Storage.Tests.Handoff;

/// <summary>Hand-offs on Azurite: one agent wins an accept race, a customer's message finds its relay, the channel lists what is open, nothing of the transcript is lost.</summary>
public sealed class TableHandoffRequestsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Channel = "19:agents@thread.tacv2";
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 9, 0, 0, TimeSpan.Zero);

    private readonly TableStore _tables = new(Options.Create(new StorageOptions
    {
        ConnectionString = azurite.ConnectionString,
        TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10],
    }));

    private readonly string _conversation = "a:" + Guid.NewGuid().ToString("N");

    private TableHandoffRequests Handoffs => new(_tables);

    public Task InitializeAsync() => _tables.EnsureTablesAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_an_offered_hand_off_When_five_agents_accept_at_once_Then_exactly_one_takes_it_and_the_others_are_told_who()
    {
        var id = await OfferedAsync("h-race");
        var agents = Enumerable.Range(1, 5).Select(i => new StaffMember($"agent-{i}", $"Agent {i}", [StaffRole.SupportAgent])).ToList();

        var outcomes = await Task.WhenAll(agents.Select(a => Handoffs.AcceptAsync(id, a, Now.AddMinutes(1), CancellationToken.None)));

        var winner = Assert.IsType<AcceptOutcome.Accepted>(Assert.Single(outcomes, o => o is AcceptOutcome.Accepted));
        var winnerName = winner.Request.AcceptedBy!.Name;
        Assert.All(outcomes.Where(o => o is not AcceptOutcome.Accepted), o => Assert.Equal(winnerName, Assert.IsType<AcceptOutcome.AlreadyTakenBy>(o).AgentName));
        var stored = (await Handoffs.FindAsync(id, CancellationToken.None))!;
        Assert.Equal(winnerName, stored.AcceptedBy!.Name);
        Assert.Equal("pl", stored.Language);
        Assert.Single(stored.History, e => e.Kind == HandoffEventKind.Accepted);
    }

    [Fact]
    public async Task Given_a_relaying_hand_off_When_the_customer_writes_Then_one_read_of_their_conversation_finds_the_agent_thread()
    {
        var id = await OfferedAsync("h-relay");
        await Handoffs.AcceptAsync(id, new StaffMember("agent-1", "Anna Nowak", [StaffRole.SupportAgent]), Now, CancellationToken.None);
        await Handoffs.UpdateAsync(id, r => r.StartRelay(Channel + ";messageid=1765700000001", Now), CancellationToken.None);

        var route = await Handoffs.RouteForConversationAsync(_conversation, CancellationToken.None);

        Assert.Equal(new HandoffRoute(id, HandoffState.Relaying, Channel + ";messageid=1765700000001", "Anna Nowak"), route);
    }

    [Fact]
    public async Task Given_an_ended_hand_off_Then_the_customer_conversation_no_longer_routes_to_it_and_the_channel_no_longer_lists_it()
    {
        var id = await OfferedAsync("h-end");
        await Handoffs.AcceptAsync(id, new StaffMember("agent-1", "Anna Nowak", [StaffRole.SupportAgent]), Now, CancellationToken.None);
        Assert.Single(await Handoffs.OpenInChannelAsync(Channel, CancellationToken.None), r => r.HandoffId == id);

        await Handoffs.UpdateAsync(id, r => r.End(HandoffParty.Agent, Now.AddMinutes(9)), CancellationToken.None);

        Assert.Null(await Handoffs.RouteForConversationAsync(_conversation, CancellationToken.None));
        Assert.Null(await Handoffs.FindOpenByConversationAsync(_conversation, CancellationToken.None));
        Assert.DoesNotContain(await Handoffs.OpenInChannelAsync(Channel, CancellationToken.None), r => r.HandoffId == id);
        Assert.Equal(HandoffState.Ended, (await Handoffs.FindAsync(id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Given_an_open_hand_off_When_the_customer_asks_again_Then_the_open_one_comes_back_and_after_it_ends_a_new_one_starts()
    {
        var first = await Handoffs.CreateAsync(Requested("h-1"), CancellationToken.None);
        var again = await Handoffs.CreateAsync(Requested("h-2"), CancellationToken.None);

        Assert.True(first.Changed);
        Assert.False(again.Changed);
        Assert.Equal("h-1", again.Request.HandoffId);

        await Handoffs.UpdateAsync("h-1", r => r.Queue(null, Now), CancellationToken.None);
        await Handoffs.UpdateAsync("h-1", r => r.BecameTicket("T-2026-0001", Now), CancellationToken.None);
        var next = await Handoffs.CreateAsync(Requested("h-2"), CancellationToken.None);

        Assert.True(next.Changed);
        Assert.Equal("h-2", (await Handoffs.FindOpenByConversationAsync(_conversation, CancellationToken.None))!.HandoffId);
    }

    [Fact]
    public async Task A_hand_off_reads_back_with_every_field_its_seed_and_its_audit_trail_in_order()
    {
        var id = await OfferedAsync("h-read");
        await Handoffs.AcceptAsync(id, new StaffMember("agent-1", "Anna Nowak", [StaffRole.SupportAgent]), Now.AddMinutes(1), CancellationToken.None);
        var written = (await Handoffs.UpdateAsync(id, r => r.StartRelay("thread-1", Now.AddMinutes(1)).End(HandoffParty.Customer, Now.AddMinutes(8)).Rate(5, Now.AddMinutes(9)), CancellationToken.None))!.Request;

        var read = (await Handoffs.FindAsync(id, CancellationToken.None))!;

        Assert.Equal(written.History, read.History);
        Assert.Equal(written.LastMessages, read.LastMessages);
        Assert.Equal(written.InvoiceNumbers, read.InvoiceNumbers);
        Assert.Equal(
            (written.State, written.Rating, written.EndedBy, written.AcceptedBy, written.RequestCard, written.AgentThreadConversationId, written.RecognizedIntent, written.Topic, written.OfferedAt, written.EndedAt),
            (read.State, read.Rating, read.EndedBy, read.AcceptedBy, read.RequestCard, read.AgentThreadConversationId, read.RecognizedIntent, read.Topic, read.OfferedAt, read.EndedAt));
    }

    [Fact]
    public async Task Messages_relayed_during_a_hand_off_are_kept_in_order_and_a_retried_message_is_kept_once()
    {
        var entries = new[]
        {
            new TranscriptEntry(HandoffParty.Customer, "Dzień dobry, faktura FV/2026/11/042?", Now.AddMinutes(2)),
            new TranscriptEntry(HandoffParty.Agent, "Sprawdzam, chwileczkę.", Now.AddMinutes(3), "Anna Nowak"),
            new TranscriptEntry(HandoffParty.Customer, "Dziękuję", Now.AddMinutes(4)),
        };

        foreach (var entry in entries.Reverse())
        {
            await Handoffs.AppendTranscriptAsync("h-transcript", entry, CancellationToken.None);
        }

        await Handoffs.AppendTranscriptAsync("h-transcript", entries[1], CancellationToken.None);

        Assert.Equal(entries, await Handoffs.TranscriptAsync("h-transcript", CancellationToken.None));
    }

    private HandoffRequest Requested(string id) => HandoffRequest.Open(id, "tenant", "user", _conversation, Channel, "faktura", Intent.TalkToPerson,
        HandoffTrigger.AskedForPerson, ["FV/2026/11/042"], [new TranscriptEntry(HandoffParty.Customer, "chcę rozmawiać z konsultantem", Now.AddMinutes(-1))], Now) with { Language = "pl" };

    private async Task<string> OfferedAsync(string id)
    {
        await Handoffs.CreateAsync(Requested(id), CancellationToken.None);
        await Handoffs.UpdateAsync(id, r => r.Offered(new PostedMessage(Channel, "1765700000001"), Now), CancellationToken.None);
        return id;
    }
}
