using BillingBot.Protocol.Dialogs;
using BillingBot.Protocol.State;

namespace BillingBot.App.Conversations.Dialogs;

/// <summary>The conversation-state properties of the billing conversation: the dialog stack and the bot's memory.</summary>
public sealed class BillingStateAccessors(ConversationState conversationState)
{
    public IStatePropertyAccessor<DialogState> DialogState { get; } = conversationState.CreateProperty<DialogState>("billingDialogs");

    public IStatePropertyAccessor<ConversationMemory> Memory { get; } = conversationState.CreateProperty<ConversationMemory>("billingMemory");
}
