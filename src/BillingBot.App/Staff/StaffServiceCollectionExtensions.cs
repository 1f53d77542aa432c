using BillingBot.Billing.Staff;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Staff;

/// <summary>Registers the partner's staff directory from "Staff:Members", validated at start-up.</summary>
public static class StaffServiceCollectionExtensions
{
    public static IServiceCollection AddStaffDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection("Staff")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StaffOptions>, StaffOptionsValidator>());
        services.TryAddSingleton<IStaffDirectory, ConfiguredStaffDirectory>();
        return services;
    }
}
