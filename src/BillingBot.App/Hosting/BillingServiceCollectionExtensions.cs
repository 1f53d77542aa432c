using BillingBot.App.Configuration;
using BillingBot.App.Conversations;
using BillingBot.Billing.Understanding;
using BillingBot.Protocol.Cards;
using BillingBot.Understanding;
using BillingBot.App.Conversations.Dialogs;
using BillingBot.Billing.Collections;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Hosting;

/// <summary>Composes the billing conversations: the partner's policy, support offer and payment details.</summary>
public static class BillingServiceCollectionExtensions
{
    public static IServiceCollection AddBillingConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<BillingOptionsValidator>();
        services.AddSingleton<IValidateOptions<SupportOptions>>(sp => sp.GetRequiredService<BillingOptionsValidator>());
        services.AddSingleton<IValidateOptions<PaymentOptions>>(sp => sp.GetRequiredService<BillingOptionsValidator>());
        services.AddSingleton<IValidateOptions<CollectionPolicyOptions>>(sp => sp.GetRequiredService<BillingOptionsValidator>());
        services.AddSingleton<IValidateOptions<ConversationOptions>>(sp => sp.GetRequiredService<BillingOptionsValidator>());
        services.AddOptions<SupportOptions>().Bind(configuration.GetSection("Support")).ValidateOnStart();
        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection("Payments")).ValidateOnStart();
        services.AddOptions<CollectionPolicyOptions>().Bind(configuration.GetSection("Collections")).ValidateOnStart();
        services.AddOptions<ConversationOptions>().Bind(configuration.GetSection("Conversations")).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SupportOptions>>().Value.ToOffer());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CollectionPolicyOptions>>().Value.ToBook());
        services.AddSingleton(sp => sp.GetRequiredService<CollectionPolicyBook>().Default);
        services.AddOptions<UnderstandingOptions>().Bind(configuration.GetSection(UnderstandingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ILanguageDetector, LanguageDetector>();
        services.TryAddSingleton<IntentRecognizer>(sp => new IntentRecognizer(sp.GetRequiredService<IOptions<UnderstandingOptions>>().Value, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILanguageDetector>()));
        services.AddSingleton<IIntentRecognizer>(sp => sp.GetRequiredService<IntentRecognizer>());
        services.AddHostedService<UnderstandingWarmUp>();
        services.AddAdaptiveCards();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<BillingAnswers>();
        services.AddSingleton<BillingStateAccessors>();
        services.AddSingleton<BillingDialog>();
        services.AddReminderConversations();
        return services;
    }
}
