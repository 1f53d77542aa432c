using BillingBot.Protocol.Cards;
using BillingBot.TestKit.Cards;

namespace BillingBot.Protocol.Tests.Security;

/// <summary>
/// <see cref="MarkdownText.Escape"/> makes a name or a description read as written wherever Teams reads Markdown:
/// checked with a CommonMark reader (Markdig), on the attacks one would try and on thousands of random mixes.
/// </summary>
public sealed class MarkdownTextTests
{
    public static TheoryData<string> Hostile => new()
    {
        "**bold**", "__bold__", "*em*", "_x_", "~~gone~~", "`code`", "``a`b``", "```\nfenced\n```",
        "[link](https://evil.example)", "[ref][1]\n\n[1]: https://evil.example", "![img](https://evil.example/x.png)",
        "<https://evil.example>", "<b>bold</b>", "<a href=\"https://evil.example\">click</a>", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "&amp;", "&lt;b&gt;", "&#60;b&#62;", "&#x3C;", "&copy; Contoso",
        "# heading", "## Contoso", "   # indented heading", "Contoso\n===", "Contoso\n---", "---", "***", "- item", "+ item",
        "* item", "1. first", "2) second", "> quote", "a | b\n--- | ---\nc | d", "| a |\n|:--|", "a\\", "back\\slash",
        "Evil <at>Bot</at>", "line one\n# two\n- three\n1. four", "Acme **Corp** [pay here](https://evil.example) <b>x</b> `y` _z_",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_text_is_read_exactly_as_written_with_no_formatting(string raw)
    {
        var escaped = MarkdownText.Escape(raw);

        Assert.Empty(MarkdownReading.Formatting(escaped));
        Assert.Equal(Lines(raw), Lines(MarkdownReading.Shown(escaped)));
    }

    [Theory]
    [InlineData("**bold**", "EmphasisInline")]
    [InlineData("[link](https://evil.example)", "LinkInline")]
    [InlineData("# heading", "HeadingBlock")]
    [InlineData("<b>x</b>", "HtmlInline")]
    [InlineData("- item", "ListBlock")]
    public void Unescaped_the_same_text_would_be_formatted(string raw, string formatting) =>
        Assert.Contains(formatting, MarkdownReading.Formatting(raw));

    [Theory]
    [InlineData("Contoso Sp. z o.o.")]
    [InlineData("Fabrikam Polska S.A. (oddział 2)")]
    [InlineData("Anna Kowalska-Nowak")]
    [InlineData("T-2026-0007")]
    [InlineData("FV/2026/10/017")]
    [InlineData("Smith & Sons; 50% off!")]
    [InlineData("Zażółć gęślą jaźń")]
    public void Ordinary_names_are_left_as_they_are(string name) =>
        Assert.Equal(name, MarkdownText.Escape(name));

    [Fact]
    public void Random_mixes_of_Markdown_syntax_are_read_as_written()
    {
        string[] tokens =
        [
            "*", "**", "_", "__", "~~", "`", "```", "[", "]", "(", ")", "!", "<", ">", "&", "&amp;", "&#38;", "#", "##", "-", "---",
            "+", "=", "===", "|", ":--", "1.", "2)", "\\", "http://evil.example", "<b>", "</b>", "<a href=\"x\">", "Contoso", "ąę", "x", "42",
        ];
        var random = new Random(20261126);
        for (var n = 0; n < 3000; n++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 9)).Select(_ => tokens[random.Next(tokens.Length)]);
            var raw = string.Concat(parts.Select(p => p + (random.Next(4) switch { 0 => "\n", 1 => string.Empty, _ => " " })));
            var escaped = MarkdownText.Escape(raw);

            Assert.True(MarkdownReading.Formatting(escaped).Count == 0, $"'{raw}' escaped as '{escaped}' formats: {string.Join(", ", MarkdownReading.Formatting(escaped))}");
            Assert.True(Lines(raw).SequenceEqual(Lines(MarkdownReading.Shown(escaped))), $"'{raw}' escaped as '{escaped}' reads '{MarkdownReading.Shown(escaped)}'");
        }
    }

    // Markdown drops blank lines and the spaces around a line; what is left must be the same words.
    private static string[] Lines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
