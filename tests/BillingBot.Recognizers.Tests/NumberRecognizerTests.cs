using System.Globalization;

namespace BillingBot.Recognizers.Tests;

public class NumberRecognizerTests
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData("1 250,50", "1250.50")]
    [InlineData("1250,5", "1250.5")]
    [InlineData("1\u00A0250,50", "1250.50")]
    [InlineData("1\u202F250,50", "1250.50")]
    [InlineData("1.250,50", "1250.50")]
    [InlineData("1250.50", "1250.50")]
    [InlineData("1.250", "1250")]
    [InlineData("1,250", "1.250")]
    [InlineData("12 500 000", "12500000")]
    [InlineData("trzy", "3")]
    [InlineData("dwadzieścia pięć", "25")]
    [InlineData("dwadziescia piec", "25")]
    [InlineData("DWIE", "2")]
    [InlineData("2 tys.", "2000")]
    [InlineData("1,5 tys", "1500")]
    [InlineData("-5", "-5")]
    public void Given_a_Polish_number_When_recognized_Then_its_value_is_read(string text, string expected)
    {
        var number = Assert.Single(NumberRecognizer.Recognize(text, Polish));

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), number.Value);
        Assert.Equal(text.TrimEnd(), number.Text);
    }

    [Theory]
    [InlineData("1,250.50", "1250.50")]
    [InlineData("1,250", "1250")]
    [InlineData("1.250", "1.250")]
    [InlineData("12,50", "12.50")]
    [InlineData("1 250.50", "1250.50")]
    [InlineData("1,250,000", "1250000")]
    [InlineData("twenty-five", "25")]
    [InlineData("Seven", "7")]
    [InlineData("10k", "10000")]
    [InlineData("2 thousand", "2000")]
    public void Given_an_English_number_When_recognized_Then_its_value_is_read(string text, string expected)
    {
        var number = Assert.Single(NumberRecognizer.Recognize(text, English));

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), number.Value);
    }

    [Theory]
    [InlineData("FV/2026/10/017")]
    [InlineData("15.12.2026")]
    [InlineData("o 10:30")]
    [InlineData("abc123")]
    [InlineData("2026-12-15")]
    [InlineData("nic tu nie ma")]
    public void Given_digits_that_are_part_of_something_else_When_recognized_Then_no_number_is_found(string text)
    {
        Assert.Empty(NumberRecognizer.Recognize(text, Polish));
    }

    [Fact]
    public void Given_a_sentence_with_several_numbers_When_recognized_Then_each_is_located_in_the_original_text()
    {
        const string text = "Zapłaciłem 3 faktury po 1 250,50 zł";

        var numbers = NumberRecognizer.Recognize(text, Polish);

        Assert.Collection(
            numbers,
            n => Assert.Equal((11, "3", 3m), (n.Index, n.Text, n.Value)),
            n => Assert.Equal((24, "1 250,50", 1250.50m), (n.Index, n.Text, n.Value)));
    }

    [Fact]
    public void Given_a_day_and_a_year_separated_by_a_space_When_recognized_Then_they_stay_two_numbers()
    {
        var numbers = NumberRecognizer.Recognize("15 2026", Polish);

        Assert.Equal([15m, 2026m], numbers.Select(n => n.Value));
    }

    [Fact]
    public void Given_thousands_of_space_separated_digits_When_recognized_Then_each_is_a_number_and_it_takes_no_time()
    {
        // Found by fuzzing: every digit of such a run was tried with the whole rest of it, in time cubic in its length
        // (2 000 characters took 16 s, 8 000 minutes).
        var text = string.Concat(Enumerable.Repeat("1 ", 4_000));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var numbers = NumberRecognizer.Recognize(text, Polish);
        var amounts = AmountRecognizer.Recognize(text, English);

        Assert.Equal(4_000, numbers.Count);
        Assert.All(numbers, n => Assert.Equal(1m, n.Value));
        Assert.Equal(4_000, amounts.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Given_the_largest_number_written_with_thousands_groups_When_recognized_Then_it_is_still_read_whole()
    {
        var number = Assert.Single(NumberRecognizer.Recognize("79 228 162 514 264 337 593 543 950 335,00 zł", Polish));

        Assert.Equal(decimal.MaxValue, number.Value);
    }
}
