using BillingBot.Protocol.State;

namespace BillingBot.App.Reminders;

/// <summary>Where a reminder to one person goes: their 1:1 chat with the bot, or why there is none.</summary>
/// <param name="Reference">The stored reference of the chat; null when <paramref name="Status"/> is not Ready.</param>
/// <param name="Status">Ready, Inactive (the person removed or blocked the bot) or Unknown (no chat and no way to open one).</param>
public sealed record ReminderConversation(StoredConversationReference? Reference, ReminderConversationStatus Status);
