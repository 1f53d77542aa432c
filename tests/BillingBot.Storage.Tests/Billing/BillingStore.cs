using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using BillingBot.Storage.Billing;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using Microsoft.Extensions.Options;

namespace BillingBot.Storage.Tests.Billing;

/// <summary>The billing repositories on tables of their own in Azurite, and sample data to put in them.</summary>
public sealed class BillingStore
{
    public BillingStore(AzuriteFixture azurite)
    {
        Tables = new TableStore(Options.Create(new StorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10],
        }));
        Customers = new TableCustomerRepository(Tables);
        Invoices = new TableInvoiceRepository(Tables);
        Payments = new TablePaymentRepository(Tables);
    }

    public TableStore Tables { get; }

    public TableCustomerRepository Customers { get; }

    public TableInvoiceRepository Invoices { get; }

    public TablePaymentRepository Payments { get; }

    public static Customer Customer(string tenantId, string name = "Fabrikam Polska sp. z o.o.", string currency = "PLN") => new(
        tenantId, name, currency, "pl-PL", "Europe/Warsaw", 14, SupportPlan.Standard,
        [
            new BillingContact("00000000-0000-0000-0000-0000000000020", "Alex Wilber", "alex.wilber@fabrikam.example", BillingContactRole.Primary),
            new BillingContact("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", "Piotr Zieliński", "it@fabrikam.example", BillingContactRole.Technical),
        ]);

    public static Invoice Invoice(
        string tenantId,
        string number,
        DateOnly? issueDate = null,
        DateOnly? dueDate = null,
        decimal net = 1000m,
        decimal tax = 230m,
        string currency = "PLN",
        InvoiceStatus status = InvoiceStatus.Issued)
    {
        var issued = issueDate ?? new DateOnly(2026, 10, 30);
        return new Invoice(
            number,
            tenantId,
            BillingPeriod.Month(2026, 10),
            issued,
            dueDate ?? issued.AddDays(14),
            new Money(net, currency),
            new Money(tax, currency),
            new Money(net + tax, currency),
            Money.Zero(currency),
            [
                new InvoiceLine("Microsoft 365 Business Premium", 25m, new Money(net - 0.35m, currency)),
                new InvoiceLine("Azure consumption", 1.5m, new Money(0.35m, currency)),
            ],
            new Uri("https://billing.contoso.example/invoices/" + Uri.EscapeDataString(number) + ".pdf"),
            status);
    }

    public static Payment Payment(string tenantId, string invoiceNumber, string paymentId, decimal amount, DateTimeOffset? receivedAt = null, string currency = "PLN") =>
        new(paymentId, tenantId, invoiceNumber, receivedAt ?? new DateTimeOffset(2026, 11, 10, 9, 30, 0, TimeSpan.FromHours(1)),
            new Money(amount, currency), PaymentMethod.BankTransfer, "Przelew " + invoiceNumber);

    public static string NewTenant() => Guid.NewGuid().ToString();
}
