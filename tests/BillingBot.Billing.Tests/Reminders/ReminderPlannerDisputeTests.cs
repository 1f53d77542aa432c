using System.Globalization;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using static BillingBot.Billing.Tests.Reminders.ReminderWorld;

namespace BillingBot.Billing.Tests.Reminders;

/// <summary>An open dispute ticket holds back the dunning of the invoices it names, and only that, until it is resolved.</summary>
public class ReminderPlannerDisputeTests
{
    private const string Number = "FV/2026/12/001";
    private const string Other = "FV/2026/12/002";

    // Due Tuesday 15 December 2026: after-3 on Friday the 18th, after-10 on Friday the 25th, warning on Monday 4 January,
    // suspension on Thursday 14 January.
    private static readonly Invoice DueTuesday = Invoice(Warsaw, Number, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15));
    private static readonly Invoice OtherDueTuesday = Invoice(Warsaw, Other, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15));
    private static readonly DateTimeOffset Opened = new(2026, 12, 16, 10, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("2026-12-18")]
    [InlineData("2026-12-25")]
    [InlineData("2027-01-04")]
    [InlineData("2027-01-14")]
    public void Given_an_open_dispute_of_the_invoice_When_a_dunning_stage_or_the_suspension_comes_Then_nothing_is_due_for_it(string day)
    {
        var plan = ReminderPlanner.Plan(Inputs(Warsaw, Disputing(Number), DueTuesday), CollectionPolicy.Default, At(Warsaw, Day(day), 9));

        Assert.Empty(plan);
    }

    [Fact]
    public void Given_a_dispute_opened_before_the_due_date_Then_the_reminders_before_the_due_date_still_come_since_they_press_for_nothing()
    {
        var plan = ReminderPlanner.Plan(Inputs(Warsaw, Disputing(Number), DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 14), 9));

        Assert.Equal([$"{Number} before-1 anna:pl,ben:en"], Describe(plan));
    }

    [Fact]
    public void Given_a_dispute_of_one_invoice_Then_the_customer_s_other_overdue_invoice_is_dunned_as_usual()
    {
        var plan = ReminderPlanner.Plan(Inputs(Warsaw, Disputing(Number), DueTuesday, OtherDueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 18), 9));

        Assert.Equal([$"{Other} after-3 anna:pl,ben:en"], Describe(plan));
    }

    [Fact]
    public void A_hold_recorded_for_another_tenant_s_invoice_of_the_same_number_holds_back_nothing()
    {
        var controls = Controls(new DisputeHold(BerlinTenant, Number, "T-2026-0001", Opened));

        var plan = ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 18), 9));

        Assert.Equal([$"{Number} after-3 anna:pl,ben:en"], Describe(plan));
    }

    [Fact]
    public void Given_the_dispute_was_resolved_When_the_next_run_plans_Then_dunning_resumes_with_the_latest_stage_not_the_ones_it_held_back()
    {
        var run = At(Warsaw, new DateOnly(2027, 1, 5), 9);

        var disputed = ReminderPlanner.Plan(Inputs(Warsaw, Disputing(Number), DueTuesday), CollectionPolicy.Default, run);
        var resolved = ReminderPlanner.Plan(Inputs(Warsaw, Controls(), DueTuesday), CollectionPolicy.Default, run.AddMinutes(5));

        Assert.Empty(disputed);
        Assert.Equal([$"{Number} warning-20 anna:pl,ben:en"], Describe(resolved));
    }

    [Fact]
    public void Given_the_dispute_was_resolved_after_the_suspension_date_Then_the_billing_admins_are_asked_to_approve_it()
    {
        var run = At(Warsaw, new DateOnly(2027, 1, 18), 9);

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, Disputing(Number), DueTuesday), CollectionPolicy.Default, run));
        Assert.Equal([$"{Number} suspension-30 partner"], Describe(ReminderPlanner.Plan(Inputs(Warsaw, Controls(), DueTuesday), CollectionPolicy.Default, run)));
    }

    private static ReminderControlSet Disputing(string invoiceNumber) => Controls(new DisputeHold(WarsawTenant, invoiceNumber, "T-2026-0001", Opened));

    private static ReminderControlSet Controls(params DisputeHold[] holds) =>
        new ReminderControlSet([], [], [], [], [BenInEnglish]) { DisputeHolds = holds };

    private static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
