using BillingBot.Billing.Collections;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using BillingBot.Billing.Reminders;
using static BillingBot.Billing.Tests.Reminders.ReminderWorld;

namespace BillingBot.Billing.Tests.Reminders;

public class ReminderPlannerControlsTests
{
    private const string Number = "FV/2026/12/001";

    // Due Tuesday 15 December 2026: after-3 on Friday the 18th, after-10 on Friday the 25th, warning on 4 January,
    // suspension on 14 January.
    private static readonly Invoice DueTuesday = Invoice(Warsaw, Number, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15));
    private static readonly DateTimeOffset Before = new(2026, 12, 10, 12, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Given_the_invoice_was_paid_Then_nothing_is_due_for_it_at_any_stage()
    {
        var paid = Invoice(Warsaw, Number, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15), paid: 1230m);

        foreach (var day in new[] { new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 18), new DateOnly(2027, 1, 14) })
        {
            Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, paid), CollectionPolicy.Default, At(Warsaw, day, 9)));
        }
    }

    [Fact]
    public void Given_the_invoice_was_cancelled_Then_nothing_is_due_for_it()
    {
        var cancelled = DueTuesday.WithStatus(InvoiceStatus.Cancelled);

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, cancelled), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 18), 9)));
    }

    [Fact]
    public void Given_a_partial_payment_Then_the_rest_is_still_owed_and_dunning_continues()
    {
        var partial = Invoice(Warsaw, Number, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15), paid: 600m);

        var plan = ReminderPlanner.Plan(Inputs(Warsaw, partial), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 18), 9));

        Assert.Equal([$"{Number} after-3 anna:pl,ben:en"], Describe(plan));
    }

    [Fact]
    public void Given_a_payment_recorded_after_a_run_planned_the_notice_When_the_next_run_plans_Then_nothing_is_due_for_the_paid_invoice()
    {
        var run = At(Warsaw, new DateOnly(2026, 12, 18), 9);
        var paidMeanwhile = DueTuesday.ApplyPayments([new Payment("PAY-7", WarsawTenant, Number, run.AddMinutes(3), new Money(1230m, "PLN"), PaymentMethod.Card, null)]);

        Assert.Single(ReminderPlanner.Plan(Inputs(Warsaw, DueTuesday), CollectionPolicy.Default, run));
        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, paidMeanwhile), CollectionPolicy.Default, run.AddMinutes(5)));
    }

    [Theory]
    [InlineData("2026-12-18")]
    [InlineData("2026-12-25")]
    [InlineData("2027-01-04")]
    [InlineData("2027-01-14")]
    public void Given_a_disputed_invoice_When_a_dunning_stage_comes_Then_nothing_is_due(string day)
    {
        var disputed = DueTuesday.WithStatus(InvoiceStatus.Disputed);
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, disputed), CollectionPolicy.Default, At(Warsaw, date, 9)));
    }

    [Fact]
    public void Given_a_disputed_invoice_before_its_due_date_Then_no_reminder_comes_until_the_dispute_is_resolved()
    {
        var disputed = DueTuesday.WithStatus(InvoiceStatus.Disputed);

        var plan = ReminderPlanner.Plan(Inputs(Warsaw, disputed), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 14), 9));
        var resolved = ReminderPlanner.Plan(Inputs(Warsaw, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 14), 9));

        Assert.Empty(plan);
        Assert.Equal([$"{Number} before-1 anna:pl,ben:en"], Describe(resolved));
    }

    [Fact]
    public void Given_a_promise_to_pay_on_the_20th_Then_dunning_waits_until_the_21st_and_then_sends_the_latest_stage()
    {
        var controls = Controls(promises: [new PromiseToPay(WarsawTenant, Number, new DateOnly(2026, 12, 20), "anna", Before)]);

        var promisedPeriod = ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 18), 9));
        var dayAfter = ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 21), 9));

        Assert.Empty(promisedPeriod);
        Assert.Equal([$"{Number} after-3 anna:pl,ben:en"], Describe(dayAfter));
    }

    [Fact]
    public void Given_a_promise_to_pay_after_the_due_date_Then_the_reminders_before_and_on_the_due_date_still_come()
    {
        var controls = Controls(promises: [new PromiseToPay(WarsawTenant, Number, new DateOnly(2026, 12, 20), "anna", Before)]);

        var dueDay = ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 15), 9));

        Assert.Equal([$"{Number} due anna:pl,ben:en"], Describe(dueDay));
    }

    [Fact]
    public void Given_a_promise_Then_the_suspension_also_waits_for_the_day_after_the_promised_date()
    {
        var controls = Controls(promises: [new PromiseToPay(WarsawTenant, Number, new DateOnly(2027, 1, 15), "ben", Before)]);

        var promisedDay = ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2027, 1, 15), 9));
        var dayAfter = ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2027, 1, 18), 9));

        Assert.Empty(promisedDay);
        Assert.Equal([$"{Number} suspension-30 partner"], Describe(dayAfter));
    }

    [Fact]
    public void Given_a_pending_payment_claim_Then_reminders_pause_for_five_days_from_the_claim_day()
    {
        var controls = Controls(claims: [new PaymentClaim(WarsawTenant, Number, "ben", At(Warsaw, new DateOnly(2026, 12, 17), 16), PaymentClaimStatus.Pending)]);

        var paused = ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 21), 16, 59));
        var resumed = ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 22), 9));

        Assert.Empty(paused);
        Assert.Equal([$"{Number} after-3 anna:pl,ben:en"], Describe(resumed));
    }

    [Fact]
    public void Given_a_pending_claim_before_the_due_date_Then_no_one_is_told_the_invoice_is_due()
    {
        var controls = Controls(claims: [new PaymentClaim(WarsawTenant, Number, "anna", At(Warsaw, new DateOnly(2026, 12, 14), 8), PaymentClaimStatus.Pending)]);

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 15), 9)));
    }

    [Fact]
    public void Given_a_claim_the_billing_admin_confirmed_but_no_payment_is_recorded_yet_Then_dunning_still_pauses()
    {
        var controls = Controls(claims: [new PaymentClaim(WarsawTenant, Number, "ben", At(Warsaw, new DateOnly(2026, 12, 17), 16), PaymentClaimStatus.Confirmed)]);

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 18), 9)));
    }

    [Fact]
    public void Given_a_rejected_claim_Then_dunning_does_not_pause()
    {
        var controls = Controls(claims: [new PaymentClaim(WarsawTenant, Number, "ben", At(Warsaw, new DateOnly(2026, 12, 17), 16), PaymentClaimStatus.Rejected)]);

        var plan = ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 18), 9));

        Assert.Equal([$"{Number} after-3 anna:pl,ben:en"], Describe(plan));
    }

    [Fact]
    public void Given_a_pending_claim_Then_the_suspension_is_held_back_too()
    {
        var controls = Controls(claims: [new PaymentClaim(WarsawTenant, Number, "ben", At(Warsaw, new DateOnly(2027, 1, 13), 10), PaymentClaimStatus.Pending)]);

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2027, 1, 14), 9)));
        Assert.Equal([$"{Number} suspension-30 partner"], Describe(ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2027, 1, 18), 9))));
    }

    [Fact]
    public void Given_a_pause_policy_of_two_days_Then_a_claim_pauses_for_two_days()
    {
        var policy = CollectionPolicy.Default with { PaymentClaimPauseDays = 2 };
        var controls = Controls(claims: [new PaymentClaim(WarsawTenant, Number, "ben", At(Warsaw, new DateOnly(2026, 12, 17), 16), PaymentClaimStatus.Pending)]);

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), policy, At(Warsaw, new DateOnly(2026, 12, 18), 9)));
        Assert.Single(ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), policy, At(Warsaw, new DateOnly(2026, 12, 21), 9)));
    }

    [Fact]
    public void Given_anna_snoozed_the_invoice_until_the_21st_Then_only_ben_hears_of_it_until_then_and_anna_gets_the_latest_stage_that_day()
    {
        var controls = Controls(snoozes: [new ReminderSnooze(WarsawTenant, Number, "ANNA", new DateOnly(2026, 12, 21), Before)]);

        var snoozed = ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 18), 9));
        var back = ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 21), 9));

        Assert.Equal([$"{Number} after-3 ben:en"], Describe(snoozed));
        Assert.Equal([$"{Number} after-3 anna:pl,ben:en"], Describe(back));
    }

    [Fact]
    public void Given_both_contacts_snoozed_Then_nothing_is_planned_but_the_suspension_still_goes_to_the_partner()
    {
        var until = new DateOnly(2027, 2, 1);
        var controls = Controls(snoozes: [new ReminderSnooze(WarsawTenant, Number, "anna", until, Before), new ReminderSnooze(WarsawTenant, Number, "ben", until, Before)]);

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2027, 1, 4), 9)));
        Assert.Equal([$"{Number} suspension-30 partner"], Describe(ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2027, 1, 14), 9))));
    }

    [Fact]
    public void Given_a_snooze_of_another_invoice_Then_this_invoice_still_reaches_the_person()
    {
        var controls = Controls(snoozes: [new ReminderSnooze(WarsawTenant, "FV/2026/11/999", "anna", new DateOnly(2027, 2, 1), Before)]);

        Assert.Equal([$"{Number} after-3 anna:pl,ben:en"], Describe(ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 18), 9))));
    }

    [Theory]
    [InlineData("2026-12-14", "before-1 ben:en")]
    [InlineData("2026-12-15", "due ben:en")]
    [InlineData("2026-12-18", "after-3 ben:en")]
    [InlineData("2027-01-04", "warning-20 anna:pl,ben:en")]
    [InlineData("2027-01-14", "suspension-30 partner")]
    public void Given_anna_opted_out_of_the_invoice_Then_she_gets_only_the_suspension_warning(string day, string expected)
    {
        var controls = Controls(optOuts: [new ReminderOptOut(WarsawTenant, Number, "anna", Before)]);
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal([$"{Number} {expected}"], Describe(ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, date, 9))));
    }

    [Fact]
    public void Given_everyone_opted_out_Then_no_reminder_is_planned_until_the_warning()
    {
        var controls = Controls(optOuts: [new ReminderOptOut(WarsawTenant, Number, "anna", Before), new ReminderOptOut(WarsawTenant, Number, "ben", Before)]);

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 25), 9)));
        Assert.Equal([$"{Number} warning-20 anna:pl,ben:en"], Describe(ReminderPlanner.Plan(Inputs(Warsaw, controls, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2027, 1, 4), 9))));
    }

    private static ReminderControlSet Controls(
        IReadOnlyList<PromiseToPay>? promises = null,
        IReadOnlyList<ReminderSnooze>? snoozes = null,
        IReadOnlyList<PaymentClaim>? claims = null,
        IReadOnlyList<ReminderOptOut>? optOuts = null) =>
        new(promises ?? [], snoozes ?? [], claims ?? [], optOuts ?? [], [BenInEnglish]);
}
