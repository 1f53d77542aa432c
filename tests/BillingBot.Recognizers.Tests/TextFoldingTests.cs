namespace BillingBot.Recognizers.Tests;

public class TextFoldingTests
{
    [Theory]
    [InlineData("Zażółć gęślą jaźń", "zazolc gesla jazn")]
    [InlineData("ŁÓDŹ, ŚRODA, PAŹDZIERNIK", "lodz, sroda, pazdziernik")]
    [InlineData("Crème brûlée", "creme brulee")]
    [InlineData("don’t", "don't")]
    [InlineData("1\u00A0250\u202F000", "1 250 000")]
    public void Given_text_with_diacritics_When_folded_Then_it_is_plain_lower_case(string text, string expected)
    {
        Assert.Equal(expected, TextFolding.Fold(text));
    }

    [Theory]
    [InlineData("Dzień dobry 👍 — ﬁ")]
    [InlineData("ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż")]
    public void Given_any_text_When_folded_Then_every_position_stays_where_it_was(string text)
    {
        Assert.Equal(text.Length, TextFolding.Fold(text).Length);
    }
}
