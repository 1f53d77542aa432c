using System.Globalization;

namespace BillingBot.Recognizers.Tests;

/// <summary>Today is Wednesday 25 November 2026 unless a test says otherwise.</summary>
public class DateRecognizerPolishTests
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData("dzisiaj", "2026-11-25")]
    [InlineData("dziś", "2026-11-25")]
    [InlineData("dzis", "2026-11-25")]
    [InlineData("jutro", "2026-11-26")]
    [InlineData("JUTRO", "2026-11-26")]
    [InlineData("pojutrze", "2026-11-27")]
    [InlineData("wczoraj", "2026-11-24")]
    [InlineData("za 3 dni", "2026-11-28")]
    [InlineData("za trzy dni", "2026-11-28")]
    [InlineData("za tydzień", "2026-12-02")]
    [InlineData("za tydzien", "2026-12-02")]
    [InlineData("za dwa tygodnie", "2026-12-09")]
    [InlineData("za miesiąc", "2026-12-25")]
    [InlineData("3 dni temu", "2026-11-22")]
    [InlineData("w przyszłym tygodniu", "2026-11-30")]
    [InlineData("w przyszlym tygodniu", "2026-11-30")]
    [InlineData("w piątek", "2026-11-27")]
    [InlineData("w piatek", "2026-11-27")]
    [InlineData("w środę", "2026-11-25")]
    [InlineData("w przyszły piątek", "2026-12-04")]
    [InlineData("w przyszly piatek", "2026-12-04")]
    [InlineData("w przyszłą środę", "2026-12-02")]
    [InlineData("w zeszły piątek", "2026-11-20")]
    [InlineData("koniec miesiąca", "2026-11-30")]
    [InlineData("do końca miesiąca", "2026-11-30")]
    [InlineData("do konca miesiaca", "2026-11-30")]
    [InlineData("koniec przyszłego miesiąca", "2026-12-31")]
    [InlineData("do końca roku", "2026-12-31")]
    [InlineData("koniec przyszlego roku", "2027-12-31")]
    [InlineData("15 grudnia", "2026-12-15")]
    [InlineData("15 grudnia 2026", "2026-12-15")]
    [InlineData("15. grudnia 2026 r.", "2026-12-15")]
    [InlineData("15 GRUDNIA", "2026-12-15")]
    [InlineData("1 stycznia", "2027-01-01")]
    [InlineData("15.12.2026", "2026-12-15")]
    [InlineData("15/12/2026", "2026-12-15")]
    [InlineData("15-12-2026", "2026-12-15")]
    [InlineData("15.12.26", "2026-12-15")]
    [InlineData("2026-12-15", "2026-12-15")]
    [InlineData("15.12", "2026-12-15")]
    [InlineData("15 XII 2026", "2026-12-15")]
    public void Given_a_Polish_day_When_recognized_Then_it_resolves_to_that_day(string text, string expected)
    {
        var date = Assert.Single(DateRecognizer.Recognize(text, Polish, Today));

        Assert.Equal((DateOnly.Parse(expected, CultureInfo.InvariantCulture), DateGranularity.Day), (date.Date, date.Granularity));
    }

    [Theory]
    [InlineData("październik", "2027-10-01")]
    [InlineData("pazdziernik", "2027-10-01")]
    [InlineData("za październik", "2027-10-01")]
    [InlineData("w październiku", "2027-10-01")]
    [InlineData("fakturę październikową", "2027-10-01")]
    [InlineData("listopad", "2026-11-01")]
    [InlineData("grudzień", "2026-12-01")]
    [InlineData("zeszły miesiąc", "2026-10-01")]
    [InlineData("zeszly miesiac", "2026-10-01")]
    [InlineData("poprzedni miesiąc", "2026-10-01")]
    [InlineData("ostatni miesiąc", "2026-10-01")]
    [InlineData("za zeszły miesiąc", "2026-10-01")]
    [InlineData("poprzedniego miesiąca", "2026-10-01")]
    [InlineData("w tym miesiącu", "2026-11-01")]
    [InlineData("w przyszłym miesiącu", "2026-12-01")]
    [InlineData("październik 2026", "2026-10-01")]
    [InlineData("w październiku 2025", "2025-10-01")]
    [InlineData("10/2026", "2026-10-01")]
    [InlineData("10.2026", "2026-10-01")]
    [InlineData("2026-10", "2026-10-01")]
    public void Given_a_Polish_month_When_recognized_Then_it_resolves_to_the_first_of_that_month(string text, string expected)
    {
        var date = Assert.Single(DateRecognizer.Recognize(text, Polish, Today));

        Assert.Equal((DateOnly.Parse(expected, CultureInfo.InvariantCulture), DateGranularity.Month), (date.Date, date.Granularity));
    }

    [Theory]
    [InlineData("październik", "2026-10-01")]
    [InlineData("za grudzień", "2025-12-01")]
    [InlineData("listopad", "2026-11-01")]
    [InlineData("15 grudnia", "2025-12-15")]
    [InlineData("w piątek", "2026-11-20")]
    [InlineData("w środę", "2026-11-25")]
    public void Given_the_past_is_preferred_When_a_date_has_no_year_Then_the_latest_one_until_today_is_chosen(string text, string expected)
    {
        var date = Assert.Single(DateRecognizer.Recognize(text, Polish, Today, DatePreference.Past));

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), date.Date);
    }

    [Theory]
    [InlineData(DatePreference.Future, "2028-02-29")]
    [InlineData(DatePreference.Past, "2024-02-29")]
    public void Given_29_February_without_a_year_When_recognized_Then_the_nearest_leap_year_is_chosen(DatePreference preference, string expected)
    {
        var date = Assert.Single(DateRecognizer.Recognize("29 lutego", Polish, Today, preference));

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), date.Date);
    }

    [Theory]
    [InlineData("29.02.2027")]
    [InlineData("31 kwietnia 2027")]
    [InlineData("2026-13-01")]
    [InlineData("32.12.2026")]
    public void Given_a_day_that_does_not_exist_When_recognized_Then_no_date_is_found(string text)
    {
        Assert.Empty(DateRecognizer.Recognize(text, Polish, Today));
    }

    [Fact]
    public void Given_a_leap_year_When_the_end_of_February_is_asked_Then_it_is_the_29th()
    {
        var date = Assert.Single(DateRecognizer.Recognize("do końca lutego", Polish, new DateOnly(2028, 1, 10)));

        Assert.Equal(new DateOnly(2028, 2, 29), date.Date);
    }

    [Fact]
    public void Given_the_last_day_of_January_When_in_a_month_is_asked_Then_it_is_the_last_day_of_February()
    {
        var date = Assert.Single(DateRecognizer.Recognize("za miesiąc", Polish, new DateOnly(2027, 1, 31)));

        Assert.Equal(new DateOnly(2027, 2, 28), date.Date);
    }

    [Fact]
    public void Given_a_sentence_When_a_date_is_found_Then_its_position_is_in_the_original_text()
    {
        const string text = "Czy mogę zapłacić fakturę do 15 grudnia?";

        var date = Assert.Single(DateRecognizer.Recognize(text, Polish, Today));

        Assert.Equal((29, "15 grudnia"), (date.Index, date.Text));
    }

    [Theory]
    [InlineData("ile jestem winien?")]
    [InlineData("faktura FV/2026/10/017")]
    [InlineData("zapłaciłem 1250,50 zł")]
    [InlineData("chyba się pomyliłem")]
    [InlineData("Jan Kowalski z działu rozliczeń")]
    public void Given_text_without_a_date_When_recognized_Then_nothing_is_found(string text)
    {
        Assert.Empty(DateRecognizer.Recognize(text, Polish, Today));
    }
}
