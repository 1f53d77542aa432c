using BillingBot.Billing.Customers;
using BillingBot.Billing.Payments;
using static BillingBot.App.Commands.Seed.DemoOutcome;
using static BillingBot.App.Commands.Seed.DemoProduct;

namespace BillingBot.App.Commands.Seed;

/// <summary>
/// The demo customers: three Polish (PLN, 23% VAT) and two in the EU speaking English (EUR, reverse charge, no VAT).
/// The first is the Agents Playground's tenant and user, with every kind of invoice a conversation can meet.
/// </summary>
internal static class DemoPlans
{
    public static IReadOnlyList<DemoCustomerPlan> All { get; } = [Fabrikam(), Northwind(), Litware(), WideWorldImporters(), TailspinToys()];

    private static DemoCustomerPlan Fabrikam()
    {
        var azure = AzureConsumption(1850.00m, 410.00m);
        DemoItem[] monthly = [new(BusinessPremium, 25), new(TeamsPhone, 10), new(azure, 1)];
        var customer = new Customer(
            DemoData.PlaygroundTenantId,
            "Fabrikam Polska sp. z o.o.",
            "PLN",
            "pl-PL",
            "Europe/Warsaw",
            14,
            SupportPlan.Standard,
            [
                new BillingContact(DemoData.PlaygroundUserObjectId, "Alex Wilber", "alex.wilber@fabrikam.example", BillingContactRole.Primary),
                new BillingContact("5d2e7a10-3b4c-4d5e-8f60-718293a4b5c6", "Katarzyna Nowak", "ksiegowosc@fabrikam.example", BillingContactRole.Billing),
                new BillingContact("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", "Piotr Zieliński", "it@fabrikam.example", BillingContactRole.Technical),
            ]);
        return new DemoCustomerPlan(customer, PaymentMethod.BankTransfer,
        [
            new(7, Unpaid, monthly),
            new(0, Unpaid, [new(BusinessCentral, 5)]),
            new(3, PartlyPaid, [new(Copilot, 10)]),
            new(-2, Unpaid, [new(azure, 1, 1.12m)]),
            new(-12, Unpaid, monthly, Number: DemoData.ShowcaseInvoiceNumber),
            new(-25, PartlyPaid, [new(BusinessCentral, 5)]),
            new(-40, Unpaid, [new(BusinessPremium, 24), new(TeamsPhone, 10), new(azure, 1, 0.93m)]),
            new(-55, Disputed, [new(azure, 1, 3.4m)]),
            new(-72, Cancelled, [new(BusinessPremium, 30)]),

            // The corrected invoice, issued after the cancelled one.
            new(-68, PaidOnTime, [new(BusinessPremium, 24)]),
            new(-100, PaidLate, [new(BusinessPremium, 24), new(TeamsPhone, 8), new(azure, 1, 1.05m)]),
            new(-130, PaidInTwoParts, [new(BusinessPremium, 22), new(TeamsPhone, 8), new(azure, 1, 0.88m)]),
            new(-160, PaidOnTime, [new(BusinessPremium, 22), new(TeamsPhone, 8), new(azure, 1, 0.97m)]),
            new(-190, PaidOnTime, [new(BusinessPremium, 22), new(azure, 1, 0.91m)]),
            new(-220, PaidOnTime, [new(BusinessPremium, 20), new(azure, 1, 0.84m)], Method: PaymentMethod.Card),
            new(-250, PaidOnTime, [new(BusinessPremium, 20), new(azure, 1, 0.79m)]),
            new(-280, PaidOnTime, [new(BusinessPremium, 20), new(azure, 1, 0.82m)]),
            new(-310, PaidOnTime, [new(BusinessPremium, 20), new(azure, 1, 0.76m)]),
            new(-340, PaidOnTime, [new(BusinessPremium, 18), new(azure, 1, 0.71m)]),
        ]);
    }

    private static DemoCustomerPlan Northwind()
    {
        // The tenant and user of the App tests' activities, so that conversation tests can meet a seeded customer.
        var customer = new Customer(
            "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "Northwind Traders Polska sp. z o.o.",
            "PLN",
            "pl-PL",
            "Europe/Warsaw",
            30,
            SupportPlan.Premium,
            [
                new BillingContact("6b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "Anna Kowalska", "anna.kowalska@northwind.example", BillingContactRole.Primary),
                new BillingContact("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f", "Marek Wiśniewski", "it@northwind.example", BillingContactRole.Technical),
            ]);
        var azure = AzureConsumption(4200.00m, 930.00m);
        return new DemoCustomerPlan(customer, PaymentMethod.BankTransfer, Monthly(12, k => k switch
        {
            0 => Unpaid,
            1 => Unpaid,
            2 => PaidLate,
            3 => PaidInTwoParts,
            _ => PaidOnTime,
        }, k => [new(E3, 120 - k), new(ExchangePlan1, 40), new(PowerBiPro, 15), new(azure, 1, 1m - (k % 4 * 0.06m))]));
    }

    private static DemoCustomerPlan Litware()
    {
        var customer = new Customer(
            "1c9a4f2e-7b3d-4e8a-9f60-2d5b8c7a1e43",
            "Litware S.A.",
            "PLN",
            "pl-PL",
            "Europe/Warsaw",
            21,
            SupportPlan.Basic,
            [new BillingContact("8e2f4a6c-1b3d-4f5e-a7c9-0d2e4f6a8b1c", "Tomasz Wójcik", "tomasz.wojcik@litware.example", BillingContactRole.Primary)]);
        var azure = AzureConsumption(380.00m, 85.00m);
        return new DemoCustomerPlan(customer, PaymentMethod.DirectDebit, Monthly(5, k => k == 0 ? Unpaid : PaidOnTime,
            _ => [new(BusinessStandard, 12), new(DefenderForBusiness, 12), new(azure, 1)]));
    }

    private static DemoCustomerPlan WideWorldImporters()
    {
        var customer = new Customer(
            "4b7e1d3a-9c2f-4a8e-b6d1-5f3c9e7a2b80",
            "Wide World Importers GmbH",
            "EUR",
            "en-GB",
            "Europe/Berlin",
            30,
            SupportPlan.Premium,
            [
                new BillingContact("2a4c6e8f-0b1d-4e3f-9a5c-7e9f1b3d5a7c", "Jonas Becker", "jonas.becker@wideworldimporters.example", BillingContactRole.Primary),
                new BillingContact("6c8e0a2b-4d6f-4a1c-8e3b-5d7f9a1c3e5b", "Laura Schmidt", "accounts.payable@wideworldimporters.example", BillingContactRole.Billing),
            ]);
        var azure = AzureConsumption(13100.00m, 2900.00m);
        return new DemoCustomerPlan(customer, PaymentMethod.BankTransfer, Monthly(16, k => k switch
        {
            0 => PartlyPaid,
            1 => Unpaid,
            4 => Disputed,
            _ => PaidOnTime,
        }, k => [new(E5, 80), new(SalesEnterprise, 20), new(azure, 1, k == 4 ? 2.6m : 1m + (k % 3 * 0.05m))]));
    }

    private static DemoCustomerPlan TailspinToys()
    {
        var customer = new Customer(
            "9d3b5f7a-2c4e-4b6d-8f1a-3e5c7a9b1d2f",
            "Tailspin Toys B.V.",
            "EUR",
            "en-GB",
            "Europe/Amsterdam",
            14,
            SupportPlan.Standard,
            [
                new BillingContact("7f9b1d3e-5a7c-4e9f-b1d3-5f7a9c1e3b5d", "Sanne de Vries", "sanne.devries@tailspintoys.example", BillingContactRole.Primary),
                new BillingContact("0e2a4c6e-8b0d-4f2a-9c4e-6a8c0e2b4d6f", "Daan Jansen", "it@tailspintoys.example", BillingContactRole.Technical),
            ]);
        var azure = AzureConsumption(2880.00m, 640.00m);
        return new DemoCustomerPlan(customer, PaymentMethod.Card, Monthly(2, k => k switch
        {
            0 => Unpaid,
            2 => Cancelled,
            _ => PaidOnTime,
        }, k => k < 3
            ? [new(BusinessPremium, 18), new(Copilot, 5), new(azure, 1, 1.1m)]
            : [new(BusinessPremium, 18), new(azure, 1, 1m - (k % 2 * 0.1m))]));
    }

    /// <summary>Twelve monthly invoices, the newest due in <paramref name="firstDueInDays"/> days, each 30 days before the next.</summary>
    private static List<DemoSlot> Monthly(int firstDueInDays, Func<int, DemoOutcome> outcome, Func<int, DemoItem[]> items) =>
        [.. Enumerable.Range(0, 12).Select(k => new DemoSlot(firstDueInDays - (30 * k), outcome(k), items(k)))];
}
