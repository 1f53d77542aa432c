using BillingBot.Billing.Collections;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using static BillingBot.Billing.Tests.Reminders.ReminderWorld;

namespace BillingBot.Billing.Tests.Reminders;

public class ReminderPlannerPeriodNoticeTests
{
    private static readonly CollectionPolicy NoClosing = CollectionPolicy.Default with { NotifyPeriodClosing = false };

    [Theory]
    [InlineData("2026-12-04", true)]
    [InlineData("2026-12-07", true)]
    [InlineData("2026-12-08", true)]
    [InlineData("2026-12-09", false)]
    public void Given_an_invoice_issued_on_a_Friday_Then_it_is_announced_for_three_working_days_from_that_Friday(string day, bool announced)
    {
        var invoice = Invoice(Warsaw, "FV/2026/12/010", new DateOnly(2026, 12, 4), new DateOnly(2027, 1, 3));
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var plan = ReminderPlanner.Plan(Inputs(Warsaw, invoice), NoClosing, At(Warsaw, date, 9));

        string[] expected = announced ? ["FV/2026/12/010 issued anna:pl,ben:en"] : [];
        Assert.Equal(expected, Describe(plan));
    }

    [Fact]
    public void Given_an_invoice_issued_on_Christmas_Eve_before_holidays_Then_it_is_announced_on_the_first_working_day_after_them()
    {
        var policy = NoClosing with { Holidays = [new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25)] };
        var invoice = Invoice(Warsaw, "FV/2026/12/024", new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 23));

        var monday = Assert.Single(ReminderPlanner.Plan(Inputs(Warsaw, invoice), policy, At(Warsaw, new DateOnly(2026, 12, 28), 9)));

        Assert.Equal((ReminderKind.InvoiceIssued, "issued", new DateOnly(2026, 12, 24), -30), (monday.Kind, monday.StageKey, monday.StageDate, monday.DayOffset));
    }

    [Fact]
    public void Given_an_invoice_imported_weeks_after_it_was_issued_Then_it_is_not_announced_as_new()
    {
        var invoice = Invoice(Warsaw, "FV/2026/10/200", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, invoice), NoClosing, At(Warsaw, new DateOnly(2026, 11, 2), 9)));
    }

    [Fact]
    public void Given_new_invoice_notices_are_switched_off_Then_an_invoice_issued_today_is_not_announced()
    {
        var invoice = Invoice(Warsaw, "FV/2026/12/010", new DateOnly(2026, 12, 4), new DateOnly(2027, 1, 3));

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, invoice), NoClosing with { NotifyInvoiceIssued = false }, At(Warsaw, new DateOnly(2026, 12, 4), 9)));
    }

    [Fact]
    public void Given_a_seven_day_payment_term_Then_the_seven_day_reminder_replaces_the_new_invoice_notice_on_the_issue_day()
    {
        var invoice = Invoice(Warsaw, "FV/2026/12/011", new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 15));

        Assert.Equal(["FV/2026/12/011 before-7 anna:pl,ben:en"], Describe(ReminderPlanner.Plan(Inputs(Warsaw, invoice), NoClosing, At(Warsaw, new DateOnly(2026, 12, 8), 9))));
    }

    [Fact]
    public void Given_an_invoice_paid_on_the_issue_day_Then_it_is_not_announced()
    {
        var invoice = Invoice(Warsaw, "FV/2026/12/010", new DateOnly(2026, 12, 4), new DateOnly(2027, 1, 3), paid: 1230m);

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, invoice), NoClosing, At(Warsaw, new DateOnly(2026, 12, 4), 9)));
    }

    [Theory]
    [InlineData("2026-11-26", null)]
    [InlineData("2026-11-27", "closing-2026-11")]
    [InlineData("2026-11-30", "closing-2026-11")]
    [InlineData("2026-12-01", null)]
    [InlineData("2027-02-25", "closing-2027-02")]
    [InlineData("2028-02-28", "closing-2028-02")]
    public void Given_the_month_is_closing_Then_the_closing_notice_is_due_from_three_days_before_its_last_day(string day, string? stageKey)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var plan = ReminderPlanner.Plan(Inputs(Warsaw), CollectionPolicy.Default, At(Warsaw, date, 9));

        string[] expected = stageKey is null ? [] : [$"- {stageKey} anna:pl,ben:en"];
        Assert.Equal(expected, Describe(plan));
        if (stageKey is not null)
        {
            var notice = Assert.Single(plan);
            Assert.Equal((ReminderKind.PeriodClosing, (string?)null, 3, $"{WarsawTenant}|-|{stageKey}"), (notice.Kind, notice.InvoiceNumber, notice.DayOffset, notice.Key));
        }
    }

    [Fact]
    public void Given_closing_notices_five_days_ahead_Then_the_notice_moves_with_the_policy()
    {
        var policy = CollectionPolicy.Default with { PeriodClosingDaysBefore = 5 };

        var notice = Assert.Single(ReminderPlanner.Plan(Inputs(Warsaw), policy, At(Warsaw, new DateOnly(2026, 11, 25), 9)));

        Assert.Equal((new DateOnly(2026, 11, 25), 5), (notice.StageDate, notice.DayOffset));
    }

    [Fact]
    public void Given_closing_notices_are_switched_off_Then_none_is_due()
    {
        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw), NoClosing, At(Warsaw, new DateOnly(2026, 11, 27), 9)));
    }

    [Fact]
    public void Given_the_last_days_of_the_month_are_a_weekend_and_holidays_Then_a_closing_notice_never_arrives_after_the_period()
    {
        // 31 January 2027 is a Sunday; one day ahead puts the notice on Saturday the 30th.
        var policy = CollectionPolicy.Default with { PeriodClosingDaysBefore = 1 };

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw), policy, At(Warsaw, new DateOnly(2027, 2, 1), 9)));
        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw), policy, At(Warsaw, new DateOnly(2027, 1, 29), 9)));
    }
}
