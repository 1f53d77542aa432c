namespace BillingBot.App.Conversations.Dialogs;

/// <summary>What the bot remembers about a conversation between turns: the language spoken and the misunderstandings in a row.</summary>
public sealed class ConversationMemory
{
    /// <summary>"pl" or "en", as last detected; answers a message that gives no clue ("ok", an invoice number alone).</summary>
    public string? Language { get; set; }

    /// <summary>Messages in a row the bot did not understand; two offer a person.</summary>
    public int Misses { get; set; }
}
