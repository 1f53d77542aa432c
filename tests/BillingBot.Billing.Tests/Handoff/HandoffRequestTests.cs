using BillingBot.Billing.Handoff;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Suspensions;
using BillingBot.Billing.Understanding;

namespace BillingBot.Billing.Tests.Handoff;

/// <summary>A hand-off moves one step at a time, is taken by one agent only, and records each step with who and when.</summary>
public sealed class HandoffRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffMember Anna = new("a1111111-1111-4e5f-8a9b-0c1d2e3f4a5b", "Anna Nowak", [StaffRole.SupportAgent]);
    private static readonly StaffMember Piotr = new("b2222222-2222-4e5f-8a9b-0c1d2e3f4a5b", "Piotr Zieliński", [StaffRole.SupportAgent]);
    private static readonly StaffMember Ewa = new("c3333333-3333-4e5f-8a9b-0c1d2e3f4a5b", "Ewa Kamińska", [StaffRole.BillingAdmin]);

    [Fact]
    public void Given_a_long_conversation_When_the_customer_asks_for_a_person_Then_the_request_carries_its_last_ten_messages_and_the_invoices()
    {
        var messages = Enumerable.Range(1, 14).Select(i => new TranscriptEntry(i % 2 == 0 ? HandoffParty.Bot : HandoffParty.Customer, $"m{i}", Now.AddMinutes(i - 20))).ToList();

        var request = HandoffRequest.Open("h1", "tenant", "user", "a:conv", "19:agents@thread.tacv2", "faktura", Intent.InvoiceStatus,
            HandoffTrigger.NotUnderstood, ["FV/2026/11/042", "FV/2026/11/042", "FV/2026/10/007"], messages, Now);

        Assert.Equal(HandoffState.Requested, request.State);
        Assert.Equal(Enumerable.Range(5, 10).Select(i => $"m{i}"), request.LastMessages.Select(m => m.Text));
        Assert.Equal(["FV/2026/11/042", "FV/2026/10/007"], request.InvoiceNumbers);
        Assert.Equal(new HandoffEvent(HandoffEventKind.Requested, Now, Detail: "NotUnderstood"), Assert.Single(request.History));
    }

    [Fact]
    public void Given_an_offered_request_When_an_agent_accepts_Then_they_take_it_and_a_second_accept_is_refused_naming_them()
    {
        var offered = Offered();

        var first = offered.Accept(Anna, Now.AddMinutes(1));
        var taken = Assert.IsType<AcceptOutcome.Accepted>(first).Request;
        var second = taken.Accept(Piotr, Now.AddMinutes(2));

        Assert.Equal(HandoffState.Accepted, taken.State);
        Assert.Equal(new HandoffAgent(Anna.ObjectId, "Anna Nowak"), taken.AcceptedBy);
        Assert.Equal(new AcceptOutcome.AlreadyTakenBy("Anna Nowak", Anna.ObjectId), second);
        Assert.Equal(new HandoffEvent(HandoffEventKind.Accepted, Now.AddMinutes(1), Anna.ObjectId, "Anna Nowak"), taken.Last(HandoffEventKind.Accepted));
    }

    [Fact]
    public void Given_an_offered_request_When_a_billing_admin_who_is_not_a_support_agent_accepts_Then_it_is_refused_as_not_a_support_agent()
    {
        var outcome = Offered().Accept(Ewa, Now);

        Assert.IsType<AcceptOutcome.NotASupportAgent>(outcome);
    }

    [Fact]
    public void A_full_hand_off_runs_from_request_to_rating_and_its_audit_trail_tells_the_story()
    {
        var accepted = ((AcceptOutcome.Accepted)Offered().Accept(Anna, Now.AddMinutes(1))).Request;

        var rated = accepted.StartRelay("19:agents@thread.tacv2;messageid=1765700000001", Now.AddMinutes(1))
            .End(HandoffParty.Customer, Now.AddMinutes(15))
            .Rate(4, Now.AddMinutes(16));

        Assert.Equal(HandoffState.Rated, rated.State);
        Assert.Equal(4, rated.Rating);
        Assert.Equal(HandoffParty.Customer, rated.EndedBy);
        Assert.False(rated.IsOpen);
        Assert.Equal(
            [HandoffEventKind.Requested, HandoffEventKind.Offered, HandoffEventKind.Accepted, HandoffEventKind.RelayStarted, HandoffEventKind.Ended, HandoffEventKind.Rated],
            rated.History.Select(e => e.Kind));
        Assert.Equal("4", rated.Last(HandoffEventKind.Rated)!.Detail);
    }

    [Fact]
    public void When_the_agent_ends_the_relay_Then_the_trail_names_the_agent()
    {
        var relaying = ((AcceptOutcome.Accepted)Offered().Accept(Anna, Now)).Request.StartRelay("thread", Now);

        var ended = relaying.End(HandoffParty.Agent, Now.AddMinutes(5));

        Assert.Equal(new HandoffEvent(HandoffEventKind.Ended, Now.AddMinutes(5), Anna.ObjectId, "Anna Nowak", "Agent"), ended.Last(HandoffEventKind.Ended));
    }

    [Fact]
    public void Steps_that_skip_ahead_throw()
    {
        var requested = Requested();

        Assert.Throws<InvalidOperationException>(() => requested.Accept(Anna, Now));
        Assert.Throws<InvalidOperationException>(() => requested.End(HandoffParty.Customer, Now));
        Assert.Throws<InvalidOperationException>(() => Offered().Rate(5, Now));
        Assert.Throws<InvalidOperationException>(() => Offered().StartRelay("thread", Now));
        Assert.Throws<InvalidOperationException>(() => requested.BecameTicket("T-1", Now));
        Assert.Throws<InvalidOperationException>(() => requested.Queue(null, Now).Accept(Anna, Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void A_rating_outside_one_to_five_is_refused(int stars)
    {
        var ended = ((AcceptOutcome.Accepted)Offered().Accept(Anna, Now)).Request.End(HandoffParty.Agent, Now);

        Assert.Throws<ArgumentOutOfRangeException>(() => ended.Rate(stars, Now));
    }

    [Fact]
    public void Given_no_accept_within_the_timeout_Then_it_is_due_for_escalation_and_an_agent_can_still_take_it_after()
    {
        var offered = Offered();
        var timeout = TimeSpan.FromMinutes(5);

        Assert.False(offered.IsDueForEscalation(Now.AddMinutes(4), timeout));
        Assert.True(offered.IsDueForEscalation(Now.AddMinutes(5), timeout));
        var escalated = offered.Escalate(Now.AddMinutes(5));
        Assert.False(escalated.IsDueForEscalation(Now.AddMinutes(30), timeout));
        Assert.True(escalated.AwaitsAgent);
        Assert.IsType<AcceptOutcome.Accepted>(escalated.Accept(Piotr, Now.AddMinutes(6)));
    }

    [Fact]
    public void Given_a_request_outside_support_hours_Then_it_is_queued_with_when_people_are_back_and_becomes_a_ticket()
    {
        var back = new DateTimeOffset(2026, 12, 15, 8, 0, 0, TimeSpan.FromHours(1));

        var ticketed = Requested().Queue(back, Now).BecameTicket("T-2026-0042", Now);

        Assert.Equal(HandoffState.Ticketed, ticketed.State);
        Assert.Equal(back, ticketed.ExpectedBackAt);
        Assert.Equal("T-2026-0042", ticketed.TicketNumber);
        Assert.False(ticketed.IsOpen);
        Assert.Equal("2026-12-15T08:00:00.0000000+01:00", ticketed.Last(HandoffEventKind.Queued)!.Detail);
    }

    [Fact]
    public void Given_a_customer_waiting_for_an_agent_When_they_stop_waiting_Then_the_request_is_withdrawn_closed_and_no_agent_can_take_it()
    {
        var withdrawn = Offered().Escalate(Now.AddMinutes(5)).Withdraw(Now.AddMinutes(6));

        Assert.Equal(HandoffState.Withdrawn, withdrawn.State);
        Assert.False(withdrawn.IsOpen);
        Assert.False(withdrawn.AwaitsAgent);
        Assert.Equal(new HandoffEvent(HandoffEventKind.Withdrawn, Now.AddMinutes(6), "user"), withdrawn.Last(HandoffEventKind.Withdrawn));
        Assert.Throws<InvalidOperationException>(() => withdrawn.Accept(Anna, Now.AddMinutes(7)));
    }

    [Fact]
    public void Given_an_agent_already_took_it_When_the_customer_tries_to_withdraw_Then_it_is_refused_because_the_conversation_must_be_ended_instead()
    {
        var accepted = ((AcceptOutcome.Accepted)Offered().Accept(Anna, Now)).Request;

        Assert.Throws<InvalidOperationException>(() => accepted.Withdraw(Now));
    }

    private static HandoffRequest Requested() => HandoffRequest.Open("h1", "tenant", "user", "a:conv", "19:agents@thread.tacv2", "faktura",
        Intent.TalkToPerson, HandoffTrigger.AskedForPerson, ["FV/2026/11/042"], [], Now);

    private static HandoffRequest Offered() => Requested().Offered(new PostedMessage("19:agents@thread.tacv2", "1765700000001"), Now);
}
