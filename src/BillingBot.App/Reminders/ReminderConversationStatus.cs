namespace BillingBot.App.Reminders;

/// <summary>Whether a reminder can reach a person.</summary>
public enum ReminderConversationStatus
{
    /// <summary>A chat with the person is known (stored, or opened just now).</summary>
    Ready,

    /// <summary>The person removed or blocked the bot; nothing is sent until they install it again or write.</summary>
    Inactive,

    /// <summary>No chat is known and no service URL to open one (no one of the tenant wrote yet and none is configured).</summary>
    Unknown,
}
