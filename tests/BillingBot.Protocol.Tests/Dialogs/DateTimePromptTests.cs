using System.Globalization;
using BillingBot.Protocol.Dialogs;
using BillingBot.Recognizers;
using BillingBot.TestKit.Dialogs;
using Microsoft.Extensions.Time.Testing;
using static BillingBot.Protocol.Tests.Dialogs.DialogHarness;

namespace BillingBot.Protocol.Tests.Dialogs;

public class DateTimePromptTests
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    // Wednesday 25 November 2026, 11:00 in Warsaw.
    private static readonly DateTimeOffset Morning = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static string Describe(object? result) =>
        result is RecognizedDate date ? string.Create(CultureInfo.InvariantCulture, $"{date.Date:yyyy-MM-dd} {date.Granularity}") : "none";

    private static DialogHarness Harness(DateTimeOffset now, string question, DatePreference preference = DatePreference.Future) =>
        PromptTestBot.For(
            new DateTimePrompt("date", new FakeTimeProvider(now), Warsaw) { Preference = preference },
            new PromptOptions { Prompt = Message(question) },
            Describe);

    [Theory]
    [InlineData("jutro", "2026-11-26 Day")]
    [InlineData("pojutrze", "2026-11-27 Day")]
    [InlineData("dzis", "2026-11-25 Day")]
    [InlineData("15 grudnia", "2026-12-15 Day")]
    [InlineData("w przyszly piatek", "2026-12-04 Day")]
    [InlineData("za tydzień", "2026-12-02 Day")]
    [InlineData("do konca miesiaca", "2026-11-30 Day")]
    [InlineData("15.12.2026", "2026-12-15 Day")]
    public async Task Given_a_Polish_user_When_they_answer_with_a_date_Then_it_is_resolved_from_today_in_Warsaw(string answer, string expected)
    {
        var harness = Harness(Morning, "Kiedy zapłacisz?");

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("cześć").AssertReply("Kiedy zapłacisz?")
            .Send(answer).AssertReply("result: " + expected)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("pazdziernik", "2026-10-01 Month")]
    [InlineData("za zeszły miesiąc", "2026-10-01 Month")]
    [InlineData("grudzien", "2025-12-01 Month")]
    public async Task Given_a_prompt_that_prefers_the_past_When_a_month_is_named_Then_it_is_the_latest_such_month(string answer, string expected)
    {
        var harness = Harness(Morning, "Za który miesiąc?", DatePreference.Past);

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("cześć").AssertReply("Za który miesiąc?")
            .Send(answer).AssertReply("result: " + expected)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en-US", "tomorrow", "2026-11-26 Day")]
    [InlineData("en-US", "12/15/2026", "2026-12-15 Day")]
    [InlineData("en-GB", "05/06/2026", "2026-06-05 Day")]
    [InlineData("en-US", "next Friday", "2026-12-04 Day")]
    public async Task Given_an_English_user_When_they_answer_with_a_date_Then_their_locale_orders_day_and_month(string locale, string answer, string expected)
    {
        var harness = Harness(Morning, "When will you pay?");

        await new TestFlow(harness.Adapter(locale), harness.Run())
            .Send("hi").AssertReply("When will you pay?")
            .Send(answer).AssertReply("result: " + expected)
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_it_is_already_tomorrow_in_Warsaw_but_not_in_UTC_When_the_user_says_today_Then_Warsaws_date_counts()
    {
        var harness = Harness(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero), "Kiedy zapłacisz?");

        await new TestFlow(harness.Adapter("pl-PL"), harness.Run())
            .Send("cześć").AssertReply("Kiedy zapłacisz?")
            .Send("dzisiaj").AssertReply("result: 2026-11-26 Day")
            .StartTestAsync();
    }

    [Fact]
    public async Task Given_Teams_sends_the_users_time_zone_When_the_user_says_today_Then_that_zone_wins_over_the_default()
    {
        var harness = Harness(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero), "When will you pay?");

        await new TestFlow(harness.Adapter("en-US", localTimezone: "America/New_York"), harness.Run())
            .Send("hi").AssertReply("When will you pay?")
            .Send("today").AssertReply("result: 2026-11-25 Day")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("pl-PL", "Kiedy zapłacisz?", "kiedyś", "Przepraszam, potrzebuję tu daty, na przykład 15 grudnia albo „jutro”. Kiedy zapłacisz?")]
    [InlineData("en-US", "When will you pay?", "soon", "Sorry, I need a date here, for example 15 December or \"tomorrow\". When will you pay?")]
    public async Task Given_an_answer_without_a_date_When_it_arrives_Then_the_user_is_asked_again_in_their_language(string locale, string question, string answer, string retry)
    {
        var harness = Harness(Morning, question);

        await new TestFlow(harness.Adapter(locale), harness.Run())
            .Send("hi").AssertReply(question)
            .Send(answer).AssertReply(retry)
            .StartTestAsync();
    }
}
