using BillingBot.App.Touchpoints;
using BillingBot.Billing.Collections;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Reminders;

/// <summary>Composes the reminder scheduler: options, the sweep and its parts, and defaults for the ports others implement.</summary>
public static class ReminderServiceCollectionExtensions
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ReminderOptions>()
            .Bind(configuration.GetSection(ReminderOptions.SectionName))
            .PostConfigure(o => o.InstanceId = string.IsNullOrWhiteSpace(o.InstanceId)
                ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}"
                : o.InstanceId)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();

        // Defaults only: the partner's policy book, the reminder cards, the suspension workflow and the billing team's
        // notifier registered by their owners win over these.
        services.TryAddSingleton(sp => new CollectionPolicyBook(sp.GetRequiredService<CollectionPolicy>()));
        services.TryAddSingleton<IReminderMessageFactory, PlainReminderMessageFactory>();
        services.TryAddSingleton<ISuspensionWorkflow, LoggingSuspensionWorkflow>();
        services.TryAddSingleton<IBillingTeamNotifier, LoggingBillingTeamNotifier>();
        services.TryAddSingleton<ReminderSweepHooks>();
        services.TryAddSingleton<TouchpointRecorder>();

        services.AddSingleton<CustomerRoster>();
        services.AddSingleton<ReminderCandidates>();
        services.AddSingleton<ReminderConversations>();
        services.AddSingleton<ReminderDeliverer>();
        services.AddSingleton<ReminderCards>();
        services.AddSingleton<ReminderSweep>();
        services.AddSingleton<ReminderForecast>();
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        return services;
    }
}
