using System.Globalization;

namespace BillingBot.Recognizers.Tests;

public class ChoiceRecognizerTests
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly string[] PolishChoices = ["Faktury", "Płatności", "Pomoc techniczna"];
    private static readonly string[] EnglishChoices = ["Invoices", "Payments", "Technical support"];

    [Theory]
    [InlineData("Faktury", 0, 1.0)]
    [InlineData("platnosci", 1, 1.0)]
    [InlineData("POMOC TECHNICZNA", 2, 1.0)]
    [InlineData("2", 1, 1.0)]
    [InlineData("nr 2", 1, 1.0)]
    [InlineData("drugi", 1, 1.0)]
    [InlineData("druga", 1, 1.0)]
    [InlineData("pierwsza", 0, 1.0)]
    [InlineData("pierwsze", 0, 1.0)]
    [InlineData("trzecią", 2, 1.0)]
    [InlineData("ostatnia", 2, 1.0)]
    [InlineData("chcę zobaczyć faktury", 0, 0.9)]
    [InlineData("fakturę", 0, 0.8)]
    [InlineData("pomoc", 2, 0.4)]
    public void Given_Polish_choices_When_the_user_picks_one_Then_it_is_recognized(string text, int index, double score)
    {
        var choice = ChoiceRecognizer.Recognize(text, PolishChoices, Polish);

        Assert.NotNull(choice);
        Assert.Equal((index, PolishChoices[index], score), (choice.Index, choice.Value, choice.Score));
    }

    [Theory]
    [InlineData("payments", 1)]
    [InlineData("the second one", 1)]
    [InlineData("second", 1)]
    [InlineData("first", 0)]
    [InlineData("3rd", 2)]
    [InlineData("last", 2)]
    [InlineData("#1", 0)]
    [InlineData("show my invoices please", 0)]
    [InlineData("support", 2)]
    public void Given_English_choices_When_the_user_picks_one_Then_it_is_recognized(string text, int index)
    {
        var choice = ChoiceRecognizer.Recognize(text, EnglishChoices, English);

        Assert.Equal(index, choice?.Index);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("fifth")]
    [InlineData("pizza")]
    [InlineData("")]
    public void Given_a_reply_that_fits_no_choice_When_recognized_Then_nothing_is_picked(string text)
    {
        Assert.Null(ChoiceRecognizer.Recognize(text, EnglishChoices, English));
    }

    [Fact]
    public void Given_a_reply_that_fits_two_choices_equally_When_recognized_Then_nothing_is_picked()
    {
        Assert.Null(ChoiceRecognizer.Recognize("faktury", ["Faktury zaległe", "Faktury opłacone"], Polish));
    }
}
