using BillingBot.Billing.Collections;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using Microsoft.Extensions.Time.Testing;
using static BillingBot.Billing.Tests.Reminders.ReminderWorld;

namespace BillingBot.Billing.Tests.Reminders;

public class ReminderPlannerStageTests
{
    // Issued Tuesday 1 December 2026, due Tuesday 15 December: every default stage falls on a weekday.
    private static readonly Invoice December = Invoice(Warsaw, "FV/2026/12/001", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15));

    [Theory]
    [InlineData("2026-12-01", ReminderKind.InvoiceIssued, -14, "issued")]
    [InlineData("2026-12-08", ReminderKind.Upcoming, -7, "before-7")]
    [InlineData("2026-12-14", ReminderKind.Upcoming, -1, "before-1")]
    [InlineData("2026-12-15", ReminderKind.DueToday, 0, "due")]
    [InlineData("2026-12-18", ReminderKind.Overdue, 3, "after-3")]
    [InlineData("2026-12-25", ReminderKind.Overdue, 10, "after-10")]
    [InlineData("2027-01-04", ReminderKind.SuspensionWarning, 20, "warning-20")]
    [InlineData("2027-01-14", ReminderKind.Suspension, 30, "suspension-30")]
    public void Given_an_unpaid_invoice_When_a_stage_day_comes_Then_that_stage_is_due_with_its_key(string day, ReminderKind kind, int offset, string stageKey)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var reminder = Assert.Single(ReminderPlanner.Plan(Inputs(Warsaw, December), CollectionPolicy.Default, At(Warsaw, date, 9)));

        Assert.Equal((kind, offset, date, stageKey), (reminder.Kind, reminder.DayOffset, reminder.StageDate, reminder.StageKey));
        Assert.Equal($"{WarsawTenant}|FV/2026/12/001|{stageKey}", reminder.Key);
        Assert.Equal(kind == ReminderKind.Suspension ? [] : ["anna", "ben"], reminder.Recipients.Select(r => r.ObjectId));
    }

    [Fact]
    public void Given_the_clock_walks_every_quarter_hour_When_the_keys_are_collected_Then_each_stage_appears_once_in_the_order_of_the_invoice_life()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
        var firstSeen = new List<string>();
        while (clock.GetUtcNow() < new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero))
        {
            foreach (var reminder in ReminderPlanner.Plan(Inputs(Warsaw, December), CollectionPolicy.Default with { NotifyPeriodClosing = false }, clock.GetUtcNow()))
            {
                if (!firstSeen.Contains(reminder.StageKey))
                {
                    firstSeen.Add(reminder.StageKey);
                }
            }

            clock.Advance(TimeSpan.FromMinutes(15));
        }

        Assert.Equal(["issued", "before-7", "before-1", "due", "after-3", "after-10", "warning-20", "suspension-30"], firstSeen);
    }

    [Fact]
    public void Given_a_stage_was_reached_When_the_next_has_not_started_Then_the_same_stage_stays_due_so_a_missed_run_is_caught_up()
    {
        var plan = ReminderPlanner.Plan(Inputs(Warsaw, December), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 10), 15));

        Assert.Equal(["FV/2026/12/001 before-7 anna:pl,ben:en"], Describe(plan));
    }

    [Fact]
    public void Given_two_stages_were_reached_while_nothing_was_sent_Then_only_the_latest_is_due_and_the_earlier_is_superseded()
    {
        // Before-1 was Monday 14 December; planning resumes on the due date.
        var plan = ReminderPlanner.Plan(Inputs(Warsaw, December), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 15), 9));

        Assert.Equal(["FV/2026/12/001 due anna:pl,ben:en"], Describe(plan));
    }

    [Fact]
    public void Given_an_invoice_due_on_a_Saturday_Then_the_due_day_reminder_comes_on_Monday_under_its_own_key()
    {
        var invoice = Invoice(Warsaw, "FV/2026/12/002", new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 19));

        var saturday = ReminderPlanner.Plan(Inputs(Warsaw, invoice), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 19), 10));
        var monday = Assert.Single(ReminderPlanner.Plan(Inputs(Warsaw, invoice), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 21), 9)));

        Assert.Empty(saturday);
        Assert.Equal((ReminderKind.DueToday, "due", new DateOnly(2026, 12, 19)), (monday.Kind, monday.StageKey, monday.StageDate));
    }

    [Fact]
    public void Given_an_invoice_due_on_a_Sunday_Then_the_Saturday_reminder_is_superseded_by_the_due_day_reminder_on_Monday()
    {
        var invoice = Invoice(Warsaw, "FV/2027/01/031", new DateOnly(2027, 1, 17), new DateOnly(2027, 1, 31));

        var monday = ReminderPlanner.Plan(Inputs(Warsaw, invoice), CollectionPolicy.Default, At(Warsaw, new DateOnly(2027, 2, 1), 9));

        Assert.Equal(["FV/2027/01/031 due anna:pl,ben:en"], Describe(monday));
    }

    [Fact]
    public void Given_an_invoice_issued_three_days_before_its_due_date_Then_there_is_no_seven_day_reminder_only_the_new_invoice_notice()
    {
        var invoice = Invoice(Warsaw, "FV/2026/12/003", new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 14));

        var issueDay = ReminderPlanner.Plan(Inputs(Warsaw, invoice), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 11), 9));
        var withoutNotice = ReminderPlanner.Plan(Inputs(Warsaw, invoice), CollectionPolicy.Default with { NotifyInvoiceIssued = false }, At(Warsaw, new DateOnly(2026, 12, 11), 9));

        Assert.Equal(["FV/2026/12/003 issued anna:pl,ben:en"], Describe(issueDay));
        Assert.Empty(withoutNotice);
    }

    [Fact]
    public void Given_a_grace_period_When_the_third_day_falls_inside_it_Then_the_first_overdue_notice_waits_for_the_day_after_the_deadline()
    {
        var policy = CollectionPolicy.Default with { GraceDays = 5 };

        var third = ReminderPlanner.Plan(Inputs(Warsaw, December), policy, At(Warsaw, new DateOnly(2026, 12, 18), 9));
        var afterGrace = Assert.Single(ReminderPlanner.Plan(Inputs(Warsaw, December), policy, At(Warsaw, new DateOnly(2026, 12, 21), 9)));

        Assert.Equal(["FV/2026/12/001 due anna:pl,ben:en"], Describe(third));
        Assert.Equal((ReminderKind.Overdue, "after-3", 3, new DateOnly(2026, 12, 21)), (afterGrace.Kind, afterGrace.StageKey, afterGrace.DayOffset, afterGrace.StageDate));
    }

    [Fact]
    public void Given_a_policy_with_other_days_Then_the_stages_and_keys_follow_it()
    {
        var policy = CollectionPolicy.Default with
        {
            ReminderDaysBeforeDue = [3],
            RemindOnDueDate = false,
            OverdueNoticeDays = [1],
            SuspensionWarningDays = 14,
            SuspensionAfterDays = 21,
            NotifyInvoiceIssued = false,
            NotifyPeriodClosing = false,
        };

        string[] Keys(DateOnly day) => [.. ReminderPlanner.Plan(Inputs(Warsaw, December), policy, At(Warsaw, day, 9)).Select(r => r.StageKey)];

        Assert.Empty(Keys(new DateOnly(2026, 12, 1)));
        Assert.Equal(["before-3"], Keys(new DateOnly(2026, 12, 15)));
        Assert.Equal(["after-1"], Keys(new DateOnly(2026, 12, 16)));
        Assert.Equal(["warning-14"], Keys(new DateOnly(2026, 12, 29)));
        Assert.Equal(["suspension-21"], Keys(new DateOnly(2027, 1, 5)));
    }
}
