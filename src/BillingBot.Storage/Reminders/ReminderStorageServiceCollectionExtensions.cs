using BillingBot.Billing.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.Storage.Reminders;

/// <summary>Registers the reminder tables: the ledger (also the reminder history), the customers' controls and the watch list.</summary>
public static class ReminderStorageServiceCollectionExtensions
{
    public static IServiceCollection AddReminderStorage(this IServiceCollection services)
    {
        services.AddSingleton<TableReminderLedger>();
        services.AddSingleton<IReminderHistory>(sp => sp.GetRequiredService<TableReminderLedger>());
        services.AddSingleton<TableReminderWatch>();
        services.AddSingleton<IReminderControls, TableReminderControls>();
        return services;
    }
}
