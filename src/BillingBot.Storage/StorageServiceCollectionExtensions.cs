using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Handoff;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Touchpoints;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;
using BillingBot.Storage.Activities;
using BillingBot.Storage.Billing;
using BillingBot.Storage.Escalations;
using BillingBot.Storage.Handoff;
using BillingBot.Storage.References;
using BillingBot.Storage.Reminders;
using BillingBot.Storage.Staff;
using BillingBot.Storage.State;
using BillingBot.Storage.Tables;
using BillingBot.Storage.Touchpoints;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BillingBot.Storage;

/// <summary>Registers the Table Storage implementations.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection("Storage"))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString("Storage") ?? o.ConnectionString)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TableStore>();
        services.AddSingleton<IStorage, TableStorage>();
        services.AddSingleton<IConversationReferenceStore, TableConversationReferenceStore>();
        services.AddSingleton<IActivityDeduplicator, TableActivityDeduplicator>();
        services.AddSingleton<ICustomerRepository, TableCustomerRepository>();
        services.AddSingleton<IInvoiceRepository, TableInvoiceRepository>();
        services.AddSingleton<IPaymentRepository, TablePaymentRepository>();
        services.AddSingleton<IHandoffRequests, TableHandoffRequests>();
        services.AddSingleton<ITickets, TableTickets>();
        services.AddSingleton<ITouchpoints, TableTouchpoints>();
        services.AddSingleton<IStaffRoster, TableStaffRoster>();
        services.AddSingleton<IAgentsChannelPicks, TableAgentsChannelPicks>();
        services.AddReminderStorage();
        services.AddOptions<ActivityClaimOptions>().Bind(configuration.GetSection("ActivityClaims"));
        services.AddHostedService<ActivityClaimPurger>();
        services.AddHostedService<TableInitializer>();
        services.AddHealthChecks().AddCheck<TableStorageHealthCheck>("storage");
        return services;
    }
}
