using BillingBot.App.Bot;
using BillingBot.App.Conversations.Actions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Escalations;

/// <summary>
/// Composes tickets: the options ("Escalations", validated at start-up) with the partner's Microsoft support
/// entitlements, the ticket desk and its dispatcher, the cards and their actions, the customer's notices and the ticket
/// conversation. Needs the agents' channel and staff directory (AddSuspensions) and the stores (AddTableStorage).
/// </summary>
public static class TicketServiceCollectionExtensions
{
    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TicketOptions>().Bind(configuration.GetSection(TicketOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TicketOptions>, TicketOptionsValidator>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TicketOptions>>().Value.ToEntitlements());
        services.TryAddSingleton<TicketDispatchHooks>();
        services.AddSingleton<TicketCards>();
        services.TryAddSingleton<CustomerChat>();
        services.AddSingleton<TicketNotices>();
        services.AddSingleton<TicketDesk>();
        services.AddSingleton<TicketAnswers>();
        services.AddSingleton<TicketDialog>();
        services.AddSingleton<ICardActionHandler, TicketCardActions>();
        services.AddSingleton<TicketDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<TicketDispatcher>());
        return services;
    }
}
