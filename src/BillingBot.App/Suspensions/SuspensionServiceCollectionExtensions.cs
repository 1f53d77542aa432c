using BillingBot.App.Bot;
using BillingBot.App.Conversations.Actions;
using BillingBot.App.Reminders;
using BillingBot.App.Staff;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Suspensions;
using BillingBot.Storage.Suspensions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Suspensions;

/// <summary>
/// Composes suspensions: the staff directory ("Staff"), the agents' channel ("Agents"), the billing-team notifier,
/// the suspension workflow and its card actions, the case store and the access-control port (whose default records
/// and logs; register another IAccessControl after this call to connect Partner Center).
/// </summary>
public static class SuspensionServiceCollectionExtensions
{
    public static IServiceCollection AddSuspensions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStaffDirectory(configuration);
        services.AddOptions<AgentsChannelOptions>().Bind(configuration.GetSection("Agents")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentsChannelOptions>, AgentsChannelOptionsValidator>());
        services.TryAddSingleton<IAgentsChannelChoice, ConfiguredAgentsChannelChoice>();
        services.AddSingleton<AgentsChannel>();
        services.AddSingleton<StaffDesk>();
        services.AddSingleton<KeptNotices>();
        services.AddSingleton<AgentsChannelNotifier>();
        services.AddSingleton<IBillingTeamNotifier>(sp => sp.GetRequiredService<AgentsChannelNotifier>());
        services.AddHostedService<KeptNoticesDelivery>();

        services.AddSingleton<ISuspensionCases, TableSuspensionCases>();
        services.AddSingleton<IAccessControl, RecordingAccessControl>();
        // The reminder scheduler's ledger replaces this, whichever is registered first.
        services.TryAddSingleton<IReminderHistory, NoReminderHistory>();
        services.AddSingleton<SuspensionCards>();
        services.TryAddSingleton<CustomerChat>();
        services.AddSingleton<CustomerNotices>();
        services.AddSingleton<SuspensionWorkflow>();
        services.AddSingleton<ISuspensionWorkflow>(sp => sp.GetRequiredService<SuspensionWorkflow>());
        services.AddSingleton<ICardActionHandler, SuspensionCardActions>();
        return services;
    }
}
