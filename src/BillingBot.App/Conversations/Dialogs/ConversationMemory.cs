namespace BillingBot.App.Conversations.Dialogs;

/// <summary>
/// What the bot remembers about a conversation between turns: the language spoken, the misunderstandings in a row,
/// the last messages (which travel with a hand-off so the customer need not repeat themselves), and a hand-off whose
/// rating the bot asked for.
/// </summary>
public sealed class ConversationMemory
{
    /// <summary>How many of the last messages are kept.</summary>
    public const int RecentSize = 10;

    /// <summary>"pl" or "en", as last detected; answers a message that gives no clue ("ok", an invoice number alone).</summary>
    public string? Language { get; set; }

    /// <summary>Messages in a row the bot did not understand; two offer a person.</summary>
    public int Misses { get; set; }

    /// <summary>The conversation's last messages, the customer's and the bot's, oldest first.</summary>
    public List<RecentMessage> Recent { get; set; } = [];

    /// <summary>The last question the bot answered, which a hand-off request carries as what the customer wanted.</summary>
    public string? LastIntent { get; set; }

    /// <summary>The customer's words of that question: a hand-off's topic unless the request itself says more.</summary>
    public string? LastQuestion { get; set; }

    /// <summary>The invoices named in the conversation, most recent last (at most <see cref="RecentSize"/>).</summary>
    public List<string> Invoices { get; set; } = [];

    /// <summary>The ended hand-off whose 1–5 rating the bot asked for; a digit typed next is that rating.</summary>
    public string? RatingFor { get; set; }

    /// <summary>Keeps an invoice named in the conversation as the most recent.</summary>
    public void Mentioned(string invoiceNumber)
    {
        Invoices.Remove(invoiceNumber);
        Invoices.Add(invoiceNumber);
        if (Invoices.Count > RecentSize)
        {
            Invoices.RemoveAt(0);
        }
    }

    /// <summary>Keeps a message among the last <see cref="RecentSize"/>.</summary>
    public void Remember(RecentMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Recent.Count > 0 && Recent[^1].FromBot == message.FromBot && Recent[^1].Text == message.Text)
        {
            // A text and the card that repeats it (its fallback) are one message to whoever reads the conversation.
            return;
        }

        Recent.Add(message);
        if (Recent.Count > RecentSize)
        {
            Recent.RemoveRange(0, Recent.Count - RecentSize);
        }
    }
}
