using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BillingBot.TestKit.Cards;

/// <summary>
/// Reads Markdown as Teams would show it (a CommonMark reader, Markdig, with tables and strikethrough, which Teams
/// also renders): the text a person sees, and which formatting took effect. Adaptive Card TextBlocks and Facts, and
/// messages with textFormat "markdown", are Markdown in Teams.
/// </summary>
public static class MarkdownReading
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough).Build();

    /// <summary>The text a reader sees: the literal text of every block, paragraphs and line breaks as "\n".</summary>
    public static string Shown(string markdown)
    {
        var shown = new StringBuilder();
        foreach (var block in Markdown.Parse(markdown, Pipeline).Descendants<LeafBlock>())
        {
            if (shown.Length > 0)
            {
                shown.Append('\n');
            }

            if (block.Inline is { } inline)
            {
                Append(inline, shown);
            }
            else
            {
                // A code block or an HTML block: its lines are shown (or run) as they are.
                shown.Append(block.Lines.ToString());
            }
        }

        return shown.ToString();
    }

    /// <summary>Every element that formats instead of showing text: "EmphasisInline", "LinkInline", "HeadingBlock", ….</summary>
    public static IReadOnlyList<string> Formatting(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var found = new List<string>();
        foreach (var block in document.Descendants<Block>())
        {
            if (block is not ParagraphBlock and not TableCell and not TableRow)
            {
                found.Add(block.GetType().Name);
            }

            if (block is LeafBlock { Inline: { } inline })
            {
                found.AddRange(inline.Descendants<Inline>()
                    .Where(i => i is not LiteralInline and not LineBreakInline)
                    .Select(i => i.GetType().Name));
            }
        }

        return found;
    }

    private static void Append(Inline inline, StringBuilder shown)
    {
        switch (inline)
        {
            case LiteralInline literal:
                shown.Append(literal.Content.ToString());
                break;
            case LineBreakInline:
                shown.Append('\n');
                break;
            case CodeInline code:
                shown.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                shown.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline link:
                shown.Append(link.Url);
                break;
            case HtmlInline:
                // A tag is not shown: the browser interprets it.
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, shown);
                }

                break;
        }
    }
}
