using System.Globalization;

namespace BillingBot.Recognizers.Tests;

public class BooleanRecognizerTests
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData("tak", true)]
    [InlineData("Tak!", true)]
    [InlineData("jasne", true)]
    [InlineData("pewnie", true)]
    [InlineData("oczywiście", true)]
    [InlineData("oczywiscie", true)]
    [InlineData("zgadza się", true)]
    [InlineData("no tak", true)]
    [InlineData("ok", true)]
    [InlineData("👍", true)]
    [InlineData("nie", false)]
    [InlineData("NIE", false)]
    [InlineData("nie, dziękuję", false)]
    [InlineData("raczej nie", false)]
    [InlineData("no nie", false)]
    [InlineData("no", null)]
    [InlineData("nie wiem", null)]
    [InlineData("tak, ale nie teraz", null)]
    [InlineData("ile jestem winien?", null)]
    public void Given_a_Polish_reply_When_recognized_Then_yes_or_no_is_read(string text, bool? expected)
    {
        Assert.Equal(expected, BooleanRecognizer.Recognize(text, Polish));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yeah", true)]
    [InlineData("sure", true)]
    [InlineData("of course", true)]
    [InlineData("ok", true)]
    [InlineData("y", true)]
    [InlineData("no", false)]
    [InlineData("No.", false)]
    [InlineData("nope", false)]
    [InlineData("no, thanks", false)]
    [InlineData("of course not", false)]
    [InlineData("n", false)]
    [InlineData("not sure", null)]
    [InlineData("maybe", null)]
    [InlineData("what is my balance", null)]
    [InlineData("tak", true)]
    public void Given_an_English_reply_When_recognized_Then_yes_or_no_is_read(string text, bool? expected)
    {
        Assert.Equal(expected, BooleanRecognizer.Recognize(text, English));
    }
}
