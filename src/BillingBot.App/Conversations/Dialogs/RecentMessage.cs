namespace BillingBot.App.Conversations.Dialogs;

/// <summary>One of a conversation's last messages: whether the bot wrote it, its text (a card's gist), when, and the writer's name.</summary>
public sealed class RecentMessage
{
    public bool FromBot { get; set; }

    public string Text { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public string? Name { get; set; }
}
