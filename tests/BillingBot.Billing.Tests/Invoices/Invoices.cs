using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;

namespace BillingBot.Billing.Tests.Invoices;

/// <summary>Invoices and payments as the tests need them: one valid baseline, varied by named arguments.</summary>
internal static class Invoices
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000001";

    public static readonly DateOnly Issued = new(2026, 10, 30);
    public static readonly DateOnly Due = new(2026, 11, 13);

    public static Invoice Pln(
        decimal net = 1000m,
        decimal tax = 230m,
        decimal? gross = null,
        decimal paid = 0m,
        InvoiceStatus status = InvoiceStatus.Issued,
        DateOnly? issueDate = null,
        DateOnly? dueDate = null,
        IReadOnlyList<InvoiceLine>? lines = null,
        string number = "FV/2026/10/017") =>
        new(
            number,
            Tenant,
            BillingPeriod.Month(2026, 10),
            issueDate ?? Issued,
            dueDate ?? Due,
            new Money(net, "PLN"),
            new Money(tax, "PLN"),
            new Money(gross ?? net + tax, "PLN"),
            new Money(paid, "PLN"),
            lines ?? [new InvoiceLine("Microsoft 365 Business Premium", 10m, new Money(net, "PLN"))],
            new Uri("https://billing.contoso.example/invoices/FV-2026-10-017.pdf"),
            status);

    public static Payment Payment(decimal amount, string id = "PAY-1", string currency = "PLN", string invoice = "FV/2026/10/017") =>
        new(id, Tenant, invoice, new DateTimeOffset(2026, 11, 10, 9, 30, 0, TimeSpan.FromHours(1)), new Money(amount, currency), PaymentMethod.BankTransfer, invoice);
}
