using BillingBot.App.Conversations.Actions;
using BillingBot.App.Suspensions;
using BillingBot.Billing.Staff;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Staff;

/// <summary>
/// Registers the partner's staff: the configured members ("Staff:Members", validated at start-up) together with the
/// staff managed in chat (the directory reads both), the staff-management command, and picking the agents' channel in
/// Teams (the stored pick wins over "Agents:ChannelId"). The stores (IStaffRoster, IAgentsChannelPicks) come from
/// AddTableStorage.
/// </summary>
public static class StaffServiceCollectionExtensions
{
    public static IServiceCollection AddStaffDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection("Staff")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StaffOptions>, StaffOptionsValidator>());
        services.TryAddSingleton<ConfiguredStaffDirectory>();
        services.TryAddSingleton<IStaffDirectory, RosterStaffDirectory>();

        // Registered before AddSuspensions' TryAdd of the configured choice, so the pick made in Teams wins.
        services.TryAddSingleton<IAgentsChannelChoice, StoredAgentsChannelChoice>();
        services.TryAddSingleton<AgentsChannelPicker>();
        services.TryAddSingleton<TeamsMembers>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICardActionHandler, UseChannelCardActions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStaffCommand, StaffRosterCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStaffCommand, UseChannelCommand>());
        return services;
    }
}
