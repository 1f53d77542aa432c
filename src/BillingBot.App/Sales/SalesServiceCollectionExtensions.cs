using BillingBot.App.Staff;
using BillingBot.App.Touchpoints;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BillingBot.App.Sales;

/// <summary>
/// Composes sales: the touchpoint recorder, sales leads from customers' purchase questions (posted to
/// Agents:SalesChannelId, contacts under "Sales") and the staff's "summary" command.
/// </summary>
public static class SalesServiceCollectionExtensions
{
    public static IServiceCollection AddSales(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SalesOptions>().Bind(configuration.GetSection(SalesOptions.SectionName));
        services.TryAddSingleton<TouchpointRecorder>();
        services.AddSingleton<SalesLeads>();
        services.AddSingleton<IStaffCommand, TouchpointSummaryCommand>();
        return services;
    }
}
