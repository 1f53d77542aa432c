using System.Globalization;

namespace BillingBot.Recognizers.Tests;

/// <summary>Today is Wednesday 25 November 2026 unless a test says otherwise.</summary>
public class DateRecognizerEnglishTests
{
    private static readonly CultureInfo UnitedStates = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Britain = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData("today", "2026-11-25")]
    [InlineData("Tomorrow", "2026-11-26")]
    [InlineData("the day after tomorrow", "2026-11-27")]
    [InlineData("yesterday", "2026-11-24")]
    [InlineData("in 3 days", "2026-11-28")]
    [InlineData("in three days", "2026-11-28")]
    [InlineData("in ten days", "2026-12-05")]
    [InlineData("in a week", "2026-12-02")]
    [InlineData("a week ago", "2026-11-18")]
    [InlineData("next week", "2026-11-30")]
    [InlineData("on Friday", "2026-11-27")]
    [InlineData("FRIDAY", "2026-11-27")]
    [InlineData("next Friday", "2026-12-04")]
    [InlineData("last Friday", "2026-11-20")]
    [InlineData("end of the month", "2026-11-30")]
    [InlineData("by the end of next month", "2026-12-31")]
    [InlineData("end of the year", "2026-12-31")]
    [InlineData("December 15", "2026-12-15")]
    [InlineData("15 December", "2026-12-15")]
    [InlineData("Dec 15th", "2026-12-15")]
    [InlineData("the 15th of December", "2026-12-15")]
    [InlineData("December 15, 2026", "2026-12-15")]
    [InlineData("2026-12-15", "2026-12-15")]
    [InlineData("15.12.2026", "2026-12-15")]
    public void Given_an_English_day_When_recognized_Then_it_resolves_to_that_day(string text, string expected)
    {
        var date = Assert.Single(DateRecognizer.Recognize(text, UnitedStates, Today));

        Assert.Equal((DateOnly.Parse(expected, CultureInfo.InvariantCulture), DateGranularity.Day), (date.Date, date.Granularity));
    }

    [Theory]
    [InlineData("October", "2027-10-01")]
    [InlineData("in May", "2027-05-01")]
    [InlineData("last month", "2026-10-01")]
    [InlineData("previous month", "2026-10-01")]
    [InlineData("this month", "2026-11-01")]
    [InlineData("next month", "2026-12-01")]
    [InlineData("last October", "2026-10-01")]
    [InlineData("next October", "2027-10-01")]
    [InlineData("next November", "2027-11-01")]
    [InlineData("October 2026", "2026-10-01")]
    [InlineData("Oct 2026", "2026-10-01")]
    [InlineData("10/2026", "2026-10-01")]
    public void Given_an_English_month_When_recognized_Then_it_resolves_to_the_first_of_that_month(string text, string expected)
    {
        var date = Assert.Single(DateRecognizer.Recognize(text, UnitedStates, Today));

        Assert.Equal((DateOnly.Parse(expected, CultureInfo.InvariantCulture), DateGranularity.Month), (date.Date, date.Granularity));
    }

    [Theory]
    [InlineData("en-US", "05/06/2026", "2026-05-06")]
    [InlineData("en-GB", "05/06/2026", "2026-06-05")]
    [InlineData("pl-PL", "05/06/2026", "2026-06-05")]
    [InlineData("en-US", "12/15/2026", "2026-12-15")]
    [InlineData("en-GB", "15/12/2026", "2026-12-15")]
    [InlineData("en-US", "15/12/2026", "2026-12-15")]
    [InlineData("en-US", "12/15", "2026-12-15")]
    [InlineData("en-GB", "15/12", "2026-12-15")]
    [InlineData("en-US", "05.06.2026", "2026-06-05")]
    public void Given_a_numeric_date_When_the_culture_orders_day_and_month_Then_it_is_read_in_that_order(string culture, string text, string expected)
    {
        var date = Assert.Single(DateRecognizer.Recognize(text, CultureInfo.GetCultureInfo(culture), Today));

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), date.Date);
    }

    [Fact]
    public void Given_may_as_a_verb_When_recognized_Then_it_is_no_month()
    {
        Assert.Empty(DateRecognizer.Recognize("I may pay 1.5 now", UnitedStates, Today));
    }

    [Fact]
    public void Given_a_British_client_When_someone_types_Polish_Then_Polish_words_are_still_understood()
    {
        var date = Assert.Single(DateRecognizer.Recognize("jutro", Britain, Today));

        Assert.Equal(new DateOnly(2026, 11, 26), date.Date);
    }

    [Fact]
    public void Given_the_end_of_February_When_it_is_a_leap_year_Then_it_is_the_29th()
    {
        var date = Assert.Single(DateRecognizer.Recognize("end of February", UnitedStates, new DateOnly(2028, 1, 10)));

        Assert.Equal(new DateOnly(2028, 2, 29), date.Date);
    }

    [Fact]
    public void Given_two_dates_in_one_sentence_When_recognized_Then_both_are_found_in_order()
    {
        var dates = DateRecognizer.Recognize("not today but next Friday", UnitedStates, Today);

        Assert.Equal([new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 4)], dates.Select(d => d.Date));
    }
}
