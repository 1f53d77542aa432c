using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using BillingBot.Billing.Reminders;

namespace BillingBot.Billing.Tests.Reminders;

/// <summary>Customers, people and invoices the reminder tests share, with short object ids so expectations read easily.</summary>
internal static class ReminderWorld
{
    public const string WarsawTenant = "7a1c0f52-0000-4000-8000-00000000a001";
    public const string BerlinTenant = "7a1c0f52-0000-4000-8000-00000000b002";
    public const string NewYorkTenant = "7a1c0f52-0000-4000-8000-00000000c003";

    /// <summary>Fabrikam in Warsaw (pl-PL): anna (Primary), ben (Billing) and tom (Technical, never reminded).</summary>
    public static Customer Warsaw { get; } = new(
        WarsawTenant,
        "Fabrikam Polska sp. z o.o.",
        "PLN",
        "pl-PL",
        "Europe/Warsaw",
        14,
        SupportPlan.Standard,
        [
            new BillingContact("ben", "Ben Kowalski", "ksiegowosc@fabrikam.example", BillingContactRole.Billing),
            new BillingContact("tom", "Tomasz Zieliński", "it@fabrikam.example", BillingContactRole.Technical),
            new BillingContact("anna", "Anna Nowak", "anna.nowak@fabrikam.example", BillingContactRole.Primary),
        ]);

    /// <summary>Adatum in Berlin (de-DE, a locale the bot does not write): greta (Primary) and hans (Technical).</summary>
    public static Customer Berlin { get; } = new(
        BerlinTenant,
        "Adatum GmbH",
        "EUR",
        "de-DE",
        "Europe/Berlin",
        14,
        SupportPlan.Basic,
        [
            new BillingContact("greta", "Greta Schulz", "greta@adatum.example", BillingContactRole.Primary),
            new BillingContact("hans", "Hans Weber", "it@adatum.example", BillingContactRole.Technical),
        ]);

    /// <summary>Northwind in New York (en-US): nora (Primary) and carl (Billing).</summary>
    public static Customer NewYork { get; } = new(
        NewYorkTenant,
        "Northwind Traders Inc.",
        "USD",
        "en-US",
        "America/New_York",
        30,
        SupportPlan.Premium,
        [
            new BillingContact("nora", "Nora Smith", "nora@northwind.example", BillingContactRole.Primary),
            new BillingContact("carl", "Carl Jones", "ap@northwind.example", BillingContactRole.Billing),
        ]);

    /// <summary>ben reads his reminders in English; anna has no preference and reads the customer's Polish.</summary>
    public static ReminderPreference BenInEnglish { get; } = new(WarsawTenant, "ben", "en", new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(1)));

    /// <summary>An unpaid invoice of 1,230.00 in the customer's currency, with payments already applied when paid is set.</summary>
    public static Invoice Invoice(
        Customer customer,
        string number,
        DateOnly issued,
        DateOnly due,
        decimal paid = 0m,
        InvoiceStatus status = InvoiceStatus.Issued)
    {
        var currency = customer.Currency;
        var invoice = new Invoice(
            number,
            customer.TenantId,
            BillingPeriod.Month(issued.Year, issued.Month),
            issued,
            due,
            new Money(1000m, currency),
            new Money(230m, currency),
            new Money(1230m, currency),
            Money.Zero(currency),
            [],
            null,
            status);
        return paid == 0m
            ? invoice
            : invoice.ApplyPayments([new Payment($"PAY-{number}", customer.TenantId, number, new DateTimeOffset(issued.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), new Money(paid, currency), PaymentMethod.BankTransfer, number)]);
    }

    /// <summary>The instant at which the customer's wall clock shows this date and time.</summary>
    public static DateTimeOffset At(Customer customer, DateOnly date, int hour, int minute = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(customer.TimeZoneId);
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static ReminderInputs Inputs(Customer customer, params Invoice[] invoices) =>
        new(customer, invoices, ReminderControlSet.Empty with { Preferences = [BenInEnglish] });

    public static ReminderInputs Inputs(Customer customer, ReminderControlSet controls, params Invoice[] invoices) =>
        new(customer, invoices, controls);

    /// <summary>A reminder as "invoice stage recipient:language ..." so a test can state the whole plan in one line each.</summary>
    public static string Describe(PlannedReminder reminder) =>
        $"{reminder.InvoiceNumber ?? "-"} {reminder.StageKey} {(reminder.Recipients.Count == 0 ? "partner" : string.Join(",", reminder.Recipients.Select(r => $"{r.ObjectId}:{r.Language}")))}";

    public static string[] Describe(IEnumerable<PlannedReminder> plan) => [.. plan.Select(Describe)];
}
