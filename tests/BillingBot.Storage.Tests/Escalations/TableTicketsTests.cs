using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Support;
using BillingBot.Billing.Suspensions;
using BillingBot.Storage.Escalations;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using Microsoft.Extensions.Options;

namespace BillingBot.Storage.Tests.Escalations;

/// <summary>Tickets on Azurite: a customer's tickets by tenant, the agents' work lists by status, and changes applied once under concurrency.</summary>
public sealed class TableTicketsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffMember Anna = new("a1111111-1111-4e5f-8a9b-0c1d2e3f4a5b", "Anna Nowak", [StaffRole.SupportAgent]);

    private static readonly SupportOffer Offer = new(
        new SupportHours(TimeZoneInfo.Utc, [], new HashSet<DateOnly>()),
        [],
        [
            new SupportPlanOffer(SupportPlan.Basic, Money.Zero("PLN"), TimeSpan.FromHours(24), [SupportTopic.Billing]),
            new SupportPlanOffer(SupportPlan.Premium, new Money(900m, "PLN"), TimeSpan.FromHours(2), [SupportTopic.Billing]),
        ]);

    private readonly TableStore _tables = new(Options.Create(new StorageOptions
    {
        ConnectionString = azurite.ConnectionString,
        TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10],
    }));

    private readonly string _tenant = Guid.NewGuid().ToString();

    private TableTickets Tickets => new(_tables);

    public Task InitializeAsync() => _tables.EnsureTablesAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_tickets_T_1_and_T_10_When_the_customer_asks_for_T_1_Then_they_get_T_1_alone_with_its_own_trail()
    {
        await Tickets.OpenAsync(Open(_tenant, "T-1", SupportPlan.Basic), CancellationToken.None);
        await Tickets.OpenAsync(Open(_tenant, "T-10", SupportPlan.Basic), CancellationToken.None);
        await Tickets.UpdateAsync(_tenant, "T-10", t => t.Start(Anna, Now), CancellationToken.None);

        var t1 = (await Tickets.FindAsync(_tenant, "T-1", CancellationToken.None))!;

        Assert.Equal(TicketStatus.New, t1.Status);
        Assert.Equal([TicketEventKind.Opened], t1.History.Select(e => e.Kind));
        Assert.Equal(["T-1", "T-10"], (await Tickets.ForCustomerAsync(_tenant, CancellationToken.None)).Select(t => t.Number));
    }

    [Fact]
    public async Task The_work_list_of_a_status_follows_each_change_and_puts_the_earliest_due_first()
    {
        var other = Guid.NewGuid().ToString();
        await Tickets.OpenAsync(Open(_tenant, "T-1", SupportPlan.Basic), CancellationToken.None);
        await Tickets.OpenAsync(Open(other, "T-2", SupportPlan.Premium), CancellationToken.None);
        await Tickets.OpenAsync(Open(_tenant, "T-3", SupportPlan.Basic), CancellationToken.None);

        await Tickets.UpdateAsync(_tenant, "T-3", t => t.Start(Anna, Now), CancellationToken.None);

        var fresh = (await Tickets.WithStatusAsync(TicketStatus.New, CancellationToken.None)).Where(t => t.TenantId == _tenant || t.TenantId == other).ToList();
        Assert.Equal(["T-2", "T-1"], fresh.Select(t => t.Number));
        Assert.Contains(await Tickets.WithStatusAsync(TicketStatus.InProgress, CancellationToken.None), t => t.TenantId == _tenant && t.Number == "T-3");
    }

    [Fact]
    public async Task Given_a_new_ticket_When_five_agents_start_it_at_once_Then_it_is_started_once()
    {
        await Tickets.OpenAsync(Open(_tenant, "T-1", SupportPlan.Basic), CancellationToken.None);
        var agents = Enumerable.Range(1, 5).Select(i => new StaffMember($"agent-{i}", $"Agent {i}", [StaffRole.SupportAgent])).ToList();

        var outcomes = await Task.WhenAll(agents.Select(a =>
            Tickets.UpdateAsync(_tenant, "T-1", t => t.Status == TicketStatus.New ? t.Start(a, Now) : null, CancellationToken.None)));

        Assert.Single(outcomes, o => o!.Changed);
        Assert.Single((await Tickets.FindAsync(_tenant, "T-1", CancellationToken.None))!.History, e => e.Kind == TicketEventKind.Started);
    }

    [Fact]
    public async Task A_ticket_escalated_to_Microsoft_reads_back_with_its_case_and_trail()
    {
        await Tickets.OpenAsync(Open(_tenant, "T-1", SupportPlan.Premium), CancellationToken.None);
        var written = (await Tickets.UpdateAsync(_tenant, "T-1", t => t.Start(Anna, Now)
            .EscalateToMicrosoft(Anna, MicrosoftSupportRoute.CommercialCspSupport, "2612140040001234", "Opened", Now.AddHours(1)), CancellationToken.None))!.Ticket;

        var read = (await Tickets.FindAsync(_tenant, "T-1", CancellationToken.None))!;

        Assert.Equal(written.History, read.History);
        Assert.Equal(written.Microsoft, read.Microsoft);
        Assert.Equal(written.InvoiceNumbers, read.InvoiceNumbers);
        Assert.Equal(
            (written.Status, written.ResponseDueBy, written.Category, written.Severity, written.Description, written.AssignedToName, written.Plan),
            (read.Status, read.ResponseDueBy, read.Category, read.Severity, read.Description, read.AssignedToName, read.Plan));
    }

    [Fact]
    public async Task Given_a_ticket_When_the_same_number_is_opened_again_Then_the_first_stands()
    {
        var first = await Tickets.OpenAsync(Open(_tenant, "T-1", SupportPlan.Basic), CancellationToken.None);

        var again = await Tickets.OpenAsync(Open(_tenant, "T-1", SupportPlan.Premium), CancellationToken.None);

        Assert.True(first.Changed);
        Assert.False(again.Changed);
        Assert.Equal(SupportPlan.Basic, again.Ticket.Plan);
    }

    [Fact]
    public async Task A_posting_claim_the_posted_card_and_the_customer_s_language_read_back()
    {
        await Tickets.OpenAsync(Open(_tenant, "T-1", SupportPlan.Basic) with { Language = "pl" }, CancellationToken.None);
        var claimed = (await Tickets.UpdateAsync(_tenant, "T-1", t => t.ClaimPosting("instance-a", Now), CancellationToken.None))!.Ticket;
        Assert.Equal(new TicketPostingClaim("instance-a", Now), (await Tickets.FindAsync(_tenant, "T-1", CancellationToken.None))!.PostingClaim);

        await Tickets.UpdateAsync(_tenant, "T-1", t => t.PostedToAgents(new PostedMessage("19:agents@thread.tacv2", "1765700000001")), CancellationToken.None);

        var read = (await Tickets.FindAsync(_tenant, "T-1", CancellationToken.None))!;
        Assert.Equal(new PostedMessage("19:agents@thread.tacv2", "1765700000001"), read.AgentsCard);
        Assert.Null(read.PostingClaim);
        Assert.Equal("pl", read.Language);
        Assert.Equal(claimed.History, read.History);
    }

    [Fact]
    public async Task Given_a_ticket_awaiting_posting_When_four_instances_claim_it_at_once_Then_one_holds_the_claim()
    {
        await Tickets.OpenAsync(Open(_tenant, "T-1", SupportPlan.Basic), CancellationToken.None);
        var timeout = TimeSpan.FromMinutes(2);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            Tickets.UpdateAsync(_tenant, "T-1", t => t.CanClaimPosting(Now, timeout) ? t.ClaimPosting($"instance-{i}", Now) : null, CancellationToken.None)));

        var winner = Assert.Single(outcomes, o => o!.Changed)!;
        Assert.Equal(winner.Ticket.PostingClaim, (await Tickets.FindAsync(_tenant, "T-1", CancellationToken.None))!.PostingClaim);
    }

    private static Ticket Open(string tenant, string number, SupportPlan plan) =>
        Ticket.Open(tenant, number, TicketCategory.InvoiceDispute, TicketSeverity.Normal, "Kwota na fakturze się nie zgadza", ["FV/2026/11/042"], plan, Offer, "user", Now);
}
