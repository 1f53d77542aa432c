using BillingBot.App.Bot;
using BillingBot.App.Conversations.Actions;
using BillingBot.App.Staff;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Handoff;

/// <summary>Composes hand-offs to a person: options ("Handoff"), the desk, its card actions, the relay command and the monitor.</summary>
public static class HandoffServiceCollectionExtensions
{
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HandoffOptions>().Bind(configuration.GetSection("Handoff")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HandoffOptions>, HandoffOptionsValidator>());
        services.TryAddSingleton<CustomerChat>();
        services.AddSingleton<HandoffDesk>();
        services.AddSingleton<ICardActionHandler, HandoffCardActions>();
        services.AddSingleton<IStaffCommand, HandoffRelayCommand>();
        services.AddHostedService<HandoffMonitor>();
        return services;
    }
}
