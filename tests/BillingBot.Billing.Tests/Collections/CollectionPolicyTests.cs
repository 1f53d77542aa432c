using BillingBot.Billing.Collections;

namespace BillingBot.Billing.Tests.Collections;

public class CollectionPolicyTests
{
    [Fact]
    public void Given_the_default_policy_When_an_invoice_is_due_on_12_December_Then_access_may_be_suspended_from_11_January()
    {
        var due = new DateOnly(2026, 12, 12);

        Assert.Equal(new DateOnly(2026, 12, 12), CollectionPolicy.Default.PaymentDeadline(due));
        Assert.Equal(new DateOnly(2027, 1, 11), CollectionPolicy.Default.SuspensionDate(due));
        Assert.Equal(new DateOnly(2027, 1, 1), CollectionPolicy.Default.SuspensionWarningDate(due));
        Assert.Empty(CollectionPolicy.Default.Validate());
    }

    [Fact]
    public void Given_a_grace_period_Then_the_payment_deadline_moves_but_the_suspension_date_counts_from_the_due_date()
    {
        var policy = CollectionPolicy.Default with { GraceDays = 5, SuspensionAfterDays = 45 };
        var due = new DateOnly(2027, 2, 28);

        Assert.Equal(new DateOnly(2027, 3, 5), policy.PaymentDeadline(due));
        Assert.Equal(new DateOnly(2027, 4, 14), policy.SuspensionDate(due));
    }

    [Theory]
    [InlineData(30, 10, 20, "Suspension must come after the grace period.")]
    [InlineData(0, 30, 30, "The suspension warning must come after the grace period and before the suspension.")]
    [InlineData(-1, 20, 30, "Grace days cannot be negative.")]
    public void Given_an_inconsistent_policy_Then_validation_names_the_problem(int grace, int warning, int suspension, string expected)
    {
        var policy = CollectionPolicy.Default with { GraceDays = grace, SuspensionWarningDays = warning, SuspensionAfterDays = suspension, OverdueNoticeDays = [] };

        Assert.Contains(expected, policy.Validate());
    }

    [Fact]
    public void Given_notices_after_the_suspension_Then_validation_refuses_them()
    {
        var policy = CollectionPolicy.Default with { OverdueNoticeDays = [3, 35] };

        Assert.Contains("Overdue notices must come before the suspension.", policy.Validate());
    }

    [Fact]
    public void Given_the_default_policy_Then_reminders_go_out_9_to_17_on_weekdays_with_both_period_notices_and_a_five_day_claim_pause()
    {
        var policy = CollectionPolicy.Default;

        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(17, 0)), (policy.DeliveryWindowStart, policy.DeliveryWindowEnd));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], policy.WorkingDays);
        Assert.Empty(policy.Holidays);
        Assert.True(policy.NotifyInvoiceIssued && policy.NotifyPeriodClosing);
        Assert.Equal((3, 3, 5), (policy.InvoiceIssuedNoticeWorkingDays, policy.PeriodClosingDaysBefore, policy.PaymentClaimPauseDays));
    }

    [Theory]
    [InlineData("2026-11-27", 9, 0, true)]
    [InlineData("2026-11-27", 16, 59, true)]
    [InlineData("2026-11-27", 17, 0, false)]
    [InlineData("2026-11-27", 8, 59, false)]
    [InlineData("2026-11-28", 10, 0, false)]
    [InlineData("2026-11-11", 10, 0, false)]
    public void Given_a_holiday_on_11_November_Then_delivery_time_is_working_days_from_9_until_before_17(string day, int hour, int minute, bool expected)
    {
        var policy = CollectionPolicy.Default with { Holidays = [new DateOnly(2026, 11, 11)] };

        Assert.Equal(expected, policy.IsDeliveryTime(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(hour, minute)));
    }

    [Fact]
    public void Given_a_long_weekend_Then_the_next_working_day_skips_it()
    {
        var policy = CollectionPolicy.Default with { Holidays = [new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25)] };

        Assert.Equal(new DateOnly(2026, 12, 28), policy.NextWorkingDay(new DateOnly(2026, 12, 24)));
        Assert.Equal(new DateOnly(2026, 12, 23), policy.NextWorkingDay(new DateOnly(2026, 12, 23)));
    }

    [Theory]
    [InlineData("2026-11-10", "2026-11-27")]
    [InlineData("2027-02-01", "2027-02-25")]
    [InlineData("2028-02-29", "2028-02-26")]
    [InlineData("2026-12-31", "2026-12-28")]
    public void Given_a_day_Then_the_closing_notice_of_its_month_is_three_days_before_the_last_day(string day, string expected)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CollectionPolicy.Default.PeriodClosingDate(date));
    }

    [Fact]
    public void Given_a_claim_on_the_17th_Then_reminders_resume_on_the_22nd()
    {
        Assert.Equal(new DateOnly(2026, 12, 22), CollectionPolicy.Default.PaymentClaimPauseEnd(new DateOnly(2026, 12, 17)));
    }

    [Fact]
    public void Given_a_window_that_closes_before_it_opens_or_no_working_day_Then_validation_names_each_problem()
    {
        var policy = CollectionPolicy.Default with
        {
            DeliveryWindowStart = new TimeOnly(17, 0),
            DeliveryWindowEnd = new TimeOnly(9, 0),
            WorkingDays = [],
            InvoiceIssuedNoticeWorkingDays = 0,
            PeriodClosingDaysBefore = 28,
            PaymentClaimPauseDays = -1,
        };

        Assert.Equal(
            [
                "The delivery window must open before it closes.",
                "Reminders need at least one working day of the week.",
                "The new-invoice notice needs at least one working day to go out.",
                "The period-closing notice must come 0 to 27 days before the period ends.",
                "The pause after a payment claim cannot be negative.",
            ],
            policy.Validate());
        Assert.Null(policy.NextWorkingDay(new DateOnly(2026, 12, 1)));
    }
}
