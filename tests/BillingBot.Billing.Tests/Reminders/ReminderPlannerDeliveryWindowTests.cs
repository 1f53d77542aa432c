using BillingBot.Billing.Collections;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using static BillingBot.Billing.Tests.Reminders.ReminderWorld;

namespace BillingBot.Billing.Tests.Reminders;

public class ReminderPlannerDeliveryWindowTests
{
    private static readonly Invoice DueTuesday = Invoice(Warsaw, "FV/2026/12/001", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15));

    [Theory]
    [InlineData(8, 59, false)]
    [InlineData(9, 0, true)]
    [InlineData(16, 59, true)]
    [InlineData(17, 0, false)]
    [InlineData(23, 30, false)]
    public void Given_a_reminder_due_today_Then_it_is_due_only_between_9_and_17_local_time(int hour, int minute, bool due)
    {
        var plan = ReminderPlanner.Plan(Inputs(Warsaw, DueTuesday), CollectionPolicy.Default, At(Warsaw, new DateOnly(2026, 12, 15), hour, minute));

        Assert.Equal(due, plan.Count == 1);
    }

    [Fact]
    public void Given_customers_in_Warsaw_and_New_York_When_it_is_9_in_Warsaw_Then_only_the_Warsaw_customer_is_reminded()
    {
        var newYorkInvoice = Invoice(NewYork, "INV-1", new DateOnly(2026, 11, 15), new DateOnly(2026, 12, 15));
        var nineInWarsaw = new DateTimeOffset(2026, 12, 15, 8, 0, 0, TimeSpan.Zero);
        var nineInNewYork = new DateTimeOffset(2026, 12, 15, 14, 0, 0, TimeSpan.Zero);

        Assert.Single(ReminderPlanner.Plan(Inputs(Warsaw, DueTuesday), CollectionPolicy.Default, nineInWarsaw));
        Assert.Empty(ReminderPlanner.Plan(Inputs(NewYork, newYorkInvoice), CollectionPolicy.Default, nineInWarsaw));
        Assert.Single(ReminderPlanner.Plan(Inputs(NewYork, newYorkInvoice), CollectionPolicy.Default, nineInNewYork));
        Assert.Empty(ReminderPlanner.Plan(Inputs(NewYork, newYorkInvoice), CollectionPolicy.Default, nineInNewYork.AddMinutes(-1)));
    }

    [Fact]
    public void Given_it_is_already_the_due_date_in_Warsaw_but_not_in_New_York_Then_each_customer_counts_days_in_its_own_calendar()
    {
        // 16:00 UTC on 14 December is 17:00 in Warsaw (closed) and 11:00 in New York, still the 14th there.
        var instant = new DateTimeOffset(2026, 12, 14, 16, 0, 0, TimeSpan.Zero);
        var newYorkInvoice = Invoice(NewYork, "INV-1", new DateOnly(2026, 11, 15), new DateOnly(2026, 12, 15));

        var reminder = Assert.Single(ReminderPlanner.Plan(Inputs(NewYork, newYorkInvoice), CollectionPolicy.Default, instant));

        Assert.Equal("before-1", reminder.StageKey);
    }

    [Theory]
    [InlineData("2026-12-19")]
    [InlineData("2026-12-20")]
    public void Given_a_weekend_Then_nothing_is_due_even_for_a_stage_reached_earlier(string day)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, DueTuesday), CollectionPolicy.Default, At(Warsaw, date, 10)));
    }

    [Fact]
    public void Given_the_due_date_is_a_holiday_Then_the_due_day_reminder_comes_on_the_next_working_day()
    {
        var policy = CollectionPolicy.Default with { Holidays = [new DateOnly(2026, 12, 15)] };

        var holiday = ReminderPlanner.Plan(Inputs(Warsaw, DueTuesday), policy, At(Warsaw, new DateOnly(2026, 12, 15), 9));
        var nextDay = ReminderPlanner.Plan(Inputs(Warsaw, DueTuesday), policy, At(Warsaw, new DateOnly(2026, 12, 16), 9));

        Assert.Empty(holiday);
        Assert.Equal(["FV/2026/12/001 due anna:pl,ben:en"], Describe(nextDay));
    }

    [Fact]
    public void Given_a_customer_policy_with_its_own_hours_and_week_Then_its_window_applies()
    {
        var policy = CollectionPolicy.Default with
        {
            DeliveryWindowStart = new TimeOnly(7, 30),
            DeliveryWindowEnd = new TimeOnly(12, 0),
            WorkingDays = [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday],
        };
        var sunday = Invoice(Warsaw, "FV/2026/12/004", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 13));

        Assert.Single(ReminderPlanner.Plan(Inputs(Warsaw, sunday), policy, At(Warsaw, new DateOnly(2026, 12, 13), 7, 30)));
        Assert.Empty(ReminderPlanner.Plan(Inputs(Warsaw, sunday), policy, At(Warsaw, new DateOnly(2026, 12, 13), 12, 0)));
    }

    [Theory]
    [InlineData("2026-12-15T10:00:00+01:00", "2026-12-15T10:00:00+01:00")]
    [InlineData("2026-12-15T06:00:00+01:00", "2026-12-15T09:00:00+01:00")]
    [InlineData("2026-12-18T17:00:00+01:00", "2026-12-21T09:00:00+01:00")]
    [InlineData("2026-12-19T12:00:00+01:00", "2026-12-21T09:00:00+01:00")]
    [InlineData("2027-03-26T18:00:00+01:00", "2027-03-29T09:00:00+02:00")]
    [InlineData("2027-10-29T20:00:00+02:00", "2027-11-01T09:00:00+01:00")]
    public void Given_any_instant_Then_the_next_delivery_time_is_now_inside_the_window_or_the_next_opening_in_local_time(string now, string expected)
    {
        var next = ReminderPlanner.NextDeliveryTime(Warsaw, CollectionPolicy.Default, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
        Assert.Equal(expected, next?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Given_a_holiday_on_Monday_Then_the_next_delivery_time_skips_it()
    {
        var policy = CollectionPolicy.Default with { Holidays = [new DateOnly(2026, 12, 21)] };

        var next = ReminderPlanner.NextDeliveryTime(Warsaw, policy, new DateTimeOffset(2026, 12, 19, 12, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(new DateTimeOffset(2026, 12, 22, 9, 0, 0, TimeSpan.FromHours(1)), next);
    }
}
