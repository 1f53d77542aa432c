using BillingBot.Billing.Support;

namespace BillingBot.Billing.Tests.Support;

public class SupportHoursTests
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    private static SupportHours WeekdaysNineToFive(params DateOnly[] holidays) => new(
        Warsaw,
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))],
        holidays.ToHashSet());

    [Fact]
    public void Given_a_Wednesday_noon_in_Warsaw_Then_the_desk_is_open_and_opens_now()
    {
        var now = new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero); // 12:00 in Warsaw

        Assert.True(WeekdaysNineToFive().IsOpen(now));
        Assert.Equal(now, WeekdaysNineToFive().NextOpening(now));
    }

    [Fact]
    public void Given_Friday_evening_Then_the_next_opening_is_Monday_nine_o_clock_Warsaw_time()
    {
        var friday = new DateTimeOffset(2026, 11, 27, 17, 30, 0, TimeSpan.Zero);

        var next = WeekdaysNineToFive().NextOpening(friday);

        Assert.False(WeekdaysNineToFive().IsOpen(friday));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1)), next);
    }

    [Fact]
    public void Given_Christmas_holidays_Then_the_desk_reopens_after_them()
    {
        var hours = WeekdaysNineToFive(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25));
        var christmasEve = new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero);

        Assert.False(hours.IsOpen(christmasEve));
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(1)), hours.NextOpening(christmasEve));
    }

    [Fact]
    public void Given_the_night_before_summer_time_starts_Then_the_opening_carries_the_summer_offset()
    {
        var saturdayNight = new DateTimeOffset(2027, 3, 27, 22, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2027, 3, 29, 9, 0, 0, TimeSpan.FromHours(2)), WeekdaysNineToFive().NextOpening(saturdayNight));
    }

    [Fact]
    public void Given_no_published_hours_Then_there_is_no_next_opening()
    {
        var hours = new SupportHours(Warsaw, [], new HashSet<DateOnly>());

        Assert.Null(hours.NextOpening(DateTimeOffset.UnixEpoch));
    }
}
