using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Conversations;

/// <summary>What a message the bot sent said, in a line an agent can read: its text, else its card's fallback text or summary.</summary>
public static class ConversationGist
{
    /// <summary>The longest gist kept; longer ones end with an ellipsis.</summary>
    public const int MaxLength = 300;

    public static string? Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text is { Length: > 0 } plain ? plain
            : activity.Attachments?.Select(AdaptiveCardSerializer.GetCard).FirstOrDefault(c => c is not null)?.FallbackText is { Length: > 0 } fallback ? fallback
            : activity.Summary;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }
}
