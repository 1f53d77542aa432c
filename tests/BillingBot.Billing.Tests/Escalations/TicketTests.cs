using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Support;
using BillingBot.Billing.Suspensions;

namespace BillingBot.Billing.Tests.Escalations;

/// <summary>A ticket's response promise follows the customer's plan, its life moves one step at a time, and a dispute pauses dunning.</summary>
public sealed class TicketTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffMember Anna = new("a1111111-1111-4e5f-8a9b-0c1d2e3f4a5b", "Anna Nowak", [StaffRole.SupportAgent]);

    private static readonly SupportOffer Offer = new(
        new SupportHours(TimeZoneInfo.Utc, [], new HashSet<DateOnly>()),
        [],
        [
            new SupportPlanOffer(SupportPlan.Basic, Money.Zero("PLN"), TimeSpan.FromHours(24), [SupportTopic.Billing]),
            new SupportPlanOffer(SupportPlan.Premium, new Money(900m, "PLN"), TimeSpan.FromHours(2), [SupportTopic.Billing, SupportTopic.TechnicalIncidents]),
        ]);

    [Theory]
    [InlineData(SupportPlan.Basic, 24)]
    [InlineData(SupportPlan.Premium, 2)]
    public void Given_a_customer_plan_When_a_ticket_is_opened_Then_its_response_is_due_by_the_plan_target(SupportPlan plan, int hours)
    {
        var ticket = Open(TicketCategory.BillingQuestion, plan);

        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(Now.AddHours(hours), ticket.ResponseDueBy);
        Assert.False(ticket.IsResponseOverdue(Now.AddHours(hours)));
        Assert.True(ticket.IsResponseOverdue(Now.AddHours(hours).AddMinutes(1)));
    }

    [Fact]
    public void Given_a_plan_the_partner_does_not_publish_Then_the_ticket_has_no_due_by_and_is_never_overdue()
    {
        var ticket = Open(TicketCategory.BillingQuestion, SupportPlan.Standard);

        Assert.Null(ticket.ResponseDueBy);
        Assert.False(ticket.IsResponseOverdue(Now.AddDays(30)));
    }

    [Fact]
    public void Given_an_open_dispute_Then_it_pauses_dunning_of_the_invoices_it_names_until_resolved()
    {
        var dispute = Open(TicketCategory.InvoiceDispute, SupportPlan.Basic);

        Assert.True(dispute.PausesDunningOf("FV/2026/11/042"));
        Assert.False(dispute.PausesDunningOf("FV/2026/10/007"));
        Assert.False(dispute.Start(Anna, Now).Resolve(Anna, Now).PausesDunningOf("FV/2026/11/042"));
        Assert.False(Open(TicketCategory.BillingQuestion, SupportPlan.Basic).PausesDunningOf("FV/2026/11/042"));
    }

    [Fact]
    public void A_ticket_escalated_to_Microsoft_keeps_the_route_case_number_and_latest_status_the_agent_entered()
    {
        var escalated = Open(TicketCategory.TechnicalProblem, SupportPlan.Premium).Start(Anna, Now)
            .EscalateToMicrosoft(Anna, MicrosoftSupportRoute.AdvancedSupportForPartners, "2612140040001234", "Opened", Now.AddHours(1))
            .UpdateMicrosoftStatus(Anna, "Waiting for Microsoft engineer", Now.AddHours(3));

        Assert.Equal(TicketStatus.EscalatedToMicrosoft, escalated.Status);
        Assert.Equal(new MicrosoftCase(MicrosoftSupportRoute.AdvancedSupportForPartners, "2612140040001234", "Waiting for Microsoft engineer", Now.AddHours(3)), escalated.Microsoft);
        Assert.Equal("AdvancedSupportForPartners|2612140040001234", escalated.Last(TicketEventKind.EscalatedToMicrosoft)!.Detail);

        var closed = escalated.Resolve(Anna, Now.AddDays(2)).Close(null, Now.AddDays(9));
        Assert.Equal(
            [TicketEventKind.Opened, TicketEventKind.Started, TicketEventKind.EscalatedToMicrosoft, TicketEventKind.MicrosoftStatusUpdated, TicketEventKind.Resolved, TicketEventKind.Closed],
            closed.History.Select(e => e.Kind));
    }

    [Fact]
    public void Waiting_for_the_customer_ends_when_they_answer()
    {
        var waiting = Open(TicketCategory.PaymentProblem, SupportPlan.Basic).Start(Anna, Now).WaitForCustomer(Anna, Now);

        var answered = waiting.CustomerAnswered(Now.AddHours(1));

        Assert.Equal(TicketStatus.InProgress, answered.Status);
        Assert.Equal("Anna Nowak", answered.AssignedToName);
    }

    [Fact]
    public void Steps_that_skip_ahead_throw()
    {
        var opened = Open(TicketCategory.BillingQuestion, SupportPlan.Basic);

        Assert.Throws<InvalidOperationException>(() => opened.Resolve(Anna, Now));
        Assert.Throws<InvalidOperationException>(() => opened.Close(Anna, Now));
        Assert.Throws<InvalidOperationException>(() => opened.EscalateToMicrosoft(Anna, MicrosoftSupportRoute.CommercialCspSupport, "1", "Opened", Now));
        Assert.Throws<InvalidOperationException>(() => opened.Start(Anna, Now).UpdateMicrosoftStatus(Anna, "x", Now));
        Assert.Throws<InvalidOperationException>(() => opened.CustomerAnswered(Now));
    }

    [Fact]
    public void A_new_ticket_awaits_posting_and_one_instance_at_a_time_may_claim_it_until_the_claim_expires()
    {
        var timeout = TimeSpan.FromMinutes(2);
        var opened = Open(TicketCategory.BillingQuestion, SupportPlan.Basic);

        var claimed = opened.ClaimPosting("instance-a", Now);

        Assert.True(opened.AwaitsPosting);
        Assert.True(opened.CanClaimPosting(Now, timeout));
        Assert.Equal(new TicketPostingClaim("instance-a", Now), claimed.PostingClaim);
        Assert.False(claimed.CanClaimPosting(Now.AddMinutes(1), timeout));
        Assert.True(claimed.CanClaimPosting(Now.AddMinutes(2), timeout));
        Assert.Equal(claimed, claimed.ReleasePosting("instance-b"));
        Assert.True(claimed.ReleasePosting("instance-a").CanClaimPosting(Now, timeout));
    }

    [Fact]
    public void Once_its_card_is_posted_a_ticket_no_longer_awaits_posting_and_cannot_be_claimed()
    {
        var card = new PostedMessage("19:agents@thread.tacv2", "1765700000001");

        var posted = Open(TicketCategory.BillingQuestion, SupportPlan.Basic).ClaimPosting("instance-a", Now).PostedToAgents(card);

        Assert.Equal(card, posted.AgentsCard);
        Assert.Null(posted.PostingClaim);
        Assert.False(posted.AwaitsPosting);
        Assert.False(posted.CanClaimPosting(Now.AddDays(1), TimeSpan.FromMinutes(2)));
        Assert.Throws<InvalidOperationException>(() => posted.ClaimPosting("instance-b", Now));
    }

    [Fact]
    public void A_ticket_resolved_before_its_card_was_posted_no_longer_awaits_posting()
    {
        var resolved = Open(TicketCategory.BillingQuestion, SupportPlan.Basic).Start(Anna, Now).Resolve(Anna, Now);

        Assert.False(resolved.AwaitsPosting);
    }

    private static Ticket Open(TicketCategory category, SupportPlan plan) =>
        Ticket.Open("tenant", "T-2026-0042", category, TicketSeverity.Normal, "Faktura się nie zgadza", ["FV/2026/11/042"], plan, Offer, "user", Now);
}
