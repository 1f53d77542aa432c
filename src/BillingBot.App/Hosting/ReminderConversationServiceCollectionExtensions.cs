using BillingBot.App.Conversations.Actions;
using BillingBot.App.Reminders;
using BillingBot.App.Reminders.Cards;

namespace BillingBot.App.Hosting;

/// <summary>Composes what customers see of reminders: the cards, their buttons, and reminder preferences in chat.</summary>
public static class ReminderConversationServiceCollectionExtensions
{
    public static IServiceCollection AddReminderConversations(this IServiceCollection services)
    {
        services.AddSingleton<ReminderMessageFactory>();
        services.AddSingleton<IReminderMessageFactory>(sp => sp.GetRequiredService<ReminderMessageFactory>());
        services.AddSingleton<ICardActionHandler, ReminderCardActions>();
        services.AddSingleton<ICardActionHandler, PaymentClaimActions>();
        services.AddSingleton<ReminderSchedulePreview>();
        services.AddSingleton<ReminderPreferencesConversation>();
        return services;
    }
}
