using System.Text;

namespace BillingBot.Protocol.Schema;

/// <summary>
/// The &lt;at&gt;name&lt;/at&gt; tags Teams writes for @mentions, replaced in one pass over the text (linear time
/// whatever the text: an unclosed "&lt;at&gt;" repeated thousands of times costs no more than any other text).
/// </summary>
public static class MentionTags
{
    private const string Open = "<at>";
    private const string Close = "</at>";

    /// <summary>
    /// The text with each tag, from an opening tag to the nearest closing one (case ignored), replaced by what
    /// <paramref name="replace"/> makes of the name between them; an opening tag never closed stays as it is.
    /// </summary>
    public static string Replace(string text, Func<string, string> replace)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(replace);
        var open = text.IndexOf(Open, StringComparison.OrdinalIgnoreCase);
        if (open < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var position = 0;
        while (open >= 0)
        {
            var close = text.IndexOf(Close, open + Open.Length, StringComparison.OrdinalIgnoreCase);
            if (close < 0)
            {
                break;
            }

            result.Append(text, position, open - position).Append(replace(text[(open + Open.Length)..close]));
            position = close + Close.Length;
            open = text.IndexOf(Open, position, StringComparison.OrdinalIgnoreCase);
        }

        return result.Append(text, position, text.Length - position).ToString();
    }
}
