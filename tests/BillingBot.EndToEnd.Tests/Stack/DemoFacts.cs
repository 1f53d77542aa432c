using BillingBot.App.Commands.Seed;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Storage.Billing;
using BillingBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace BillingBot.EndToEnd.Tests.Stack;

/// <summary>
/// What the seeded storage holds for the Playground's customer, read back with the app's own repositories, and the
/// reminders its dry run says are due today: the scenarios' expectations come from here, not from constants.
/// </summary>
public sealed class DemoFacts
{
    private DemoFacts(Customer customer, DateOnly today, IReadOnlyList<Invoice> invoices, IReadOnlyList<DueReminder> dueReminders)
    {
        Customer = customer;
        Today = today;
        Invoices = invoices;
        DueReminders = dueReminders;
    }

    /// <summary>The demo customer whose primary contact is the Playground's user.</summary>
    public Customer Customer { get; }

    /// <summary>Today in the customer's time zone.</summary>
    public DateOnly Today { get; }

    public IReadOnlyList<Invoice> Invoices { get; }

    /// <summary>The reminders due today for the Playground's user, as `reminders --dry-run` printed them.</summary>
    public IReadOnlyList<DueReminder> DueReminders { get; }

    /// <summary>The Playground's user as the customer knows them (Alex Wilber).</summary>
    public string ContactName => Customer.FindContact(DemoData.PlaygroundUserObjectId)!.Name;

    /// <summary>Where the customer stands today, as the bot works it out.</summary>
    public AccountStanding Standing => AccountStanding.On(Today, Invoices, CollectionPolicy.Default);

    public Invoice Invoice(string number) => Invoices.Single(i => i.Number == number);

    /// <summary>Reads the customer and invoices from storage, and the reminders from the dry run of the customer's today.</summary>
    internal static async Task<DemoFacts> ReadAsync(string storageConnectionString, DateTimeOffset now, Func<DateOnly, Task<string>> dryRun)
    {
        var tables = new TableStore(Options.Create(new StorageOptions { ConnectionString = storageConnectionString }));
        var customer = await new TableCustomerRepository(tables).FindAsync(DemoData.PlaygroundTenantId, CancellationToken.None)
            ?? throw new InvalidOperationException("The seed stored no customer for the Playground's tenant.");
        var invoices = await new TableInvoiceRepository(tables).ListForCustomerAsync(customer.TenantId, CancellationToken.None);
        var contact = customer.FindContact(DemoData.PlaygroundUserObjectId)
            ?? throw new InvalidOperationException("The Playground's user is not a contact of the demo customer.");
        var today = customer.LocalDate(now);
        return new DemoFacts(customer, today, invoices, ReminderDryRun.For(await dryRun(today), customer.Name, contact.Name));
    }
}
