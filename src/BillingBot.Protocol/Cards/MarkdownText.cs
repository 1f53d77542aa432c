using System.Text;

namespace BillingBot.Protocol.Cards;

/// <summary>
/// Makes text that people or imports wrote (a customer's name, an invoice line, a ticket's description, a staff
/// member's name) safe to put where Teams reads Markdown: an Adaptive Card TextBlock or Fact, or a message with
/// textFormat "markdown". It is shown as written, never as bold, a link, a heading, a list, code or HTML.
/// </summary>
/// <remarks>
/// CommonMark's backslash escape, applied only where a character could start formatting, so ordinary names stay as
/// they are ("Contoso Sp. z o.o.", "T-2026-0007"): the inline markers <c>\ * _ ` [ ] ~ | &lt; &gt;</c> everywhere, an
/// <c>&amp;</c> that would start an entity, and at the start of a line the block markers (<c># - + =</c>, and the
/// dot or parenthesis after a number). Put only the user's part through it, never a resource text that formats on
/// purpose. Text where Teams shows no Markdown (a plain message, an input's value, a TextRun) needs none.
/// </remarks>
public static class MarkdownText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                escaped.Append(c);
                lineStart = true;
                continue;
            }

            if (lineStart && c is ' ' or '\t')
            {
                escaped.Append(c);
                continue;
            }

            if (IsInlineMarker(c) || (c == '&' && StartsEntity(text, i)) || (lineStart && c is '#' or '-' or '+' or '='))
            {
                escaped.Append('\\');
            }
            else if (lineStart && char.IsAsciiDigit(c))
            {
                // "1. " and "1) " start an ordered list: escape the mark after the number.
                var end = i;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                escaped.Append(text, i, end - i);
                if (end < text.Length && text[end] is '.' or ')')
                {
                    escaped.Append('\\');
                }

                i = end - 1;
                lineStart = false;
                continue;
            }

            escaped.Append(c);
            lineStart = false;
        }

        return escaped.ToString();
    }

    private static bool IsInlineMarker(char c) => c is '\\' or '*' or '_' or '`' or '[' or ']' or '~' or '|' or '<' or '>';

    // "&amp;", "&#38;", "&#x26;": a named or numeric character reference, which Markdown would turn into its character.
    private static bool StartsEntity(string text, int ampersand)
    {
        var i = ampersand + 1;
        if (i < text.Length && text[i] == '#')
        {
            i++;
            if (i < text.Length && text[i] is 'x' or 'X')
            {
                i++;
            }
        }

        var start = i;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        return i > start && i < text.Length && text[i] == ';';
    }
}
