using System.Globalization;
using BillingBot.App.Commands.Import;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>Customers, invoices and payments as the rows of an import file (README.md's formats), with the header of each kind.</summary>
internal static class CsvRecords
{
    public static List<string> Header(ImportKind kind) => kind switch
    {
        ImportKind.Customers => ["tenant_id", "name", "currency", "locale", "time_zone", "payment_term_days", "support_plan", "contacts"],
        ImportKind.Invoices => ["tenant_id", "number", "period_start", "period_end", "issue_date", "due_date", "currency", "net", "tax", "gross", "amount_paid", "status", "pdf_url", "lines"],
        _ => ["tenant_id", "payment_id", "invoice_number", "received_at", "amount", "currency", "method", "reference"],
    };

    public static List<string> Row(Customer c) =>
    [
        c.TenantId, c.Name, c.Currency, c.Locale, c.TimeZoneId, Number(c.PaymentTermDays), c.SupportPlan.ToString(),
        string.Join(';', c.Contacts.Select(x => $"{x.ObjectId}|{x.Name}|{x.Email}|{x.Role}")),
    ];

    /// <summary>An invoice's row; its status is left out (to be worked out from the amounts) when it is the one they give.</summary>
    public static List<string> Row(Invoice i) =>
    [
        i.TenantId, i.Number, Date(i.Period.Start), Date(i.Period.End), Date(i.IssueDate), Date(i.DueDate), i.Currency,
        Amount(i.Net.Amount), Amount(i.Tax.Amount), Amount(i.Gross.Amount), Amount(i.AmountPaid.Amount),
        i.Status == Derived(i) ? string.Empty : i.Status.ToString(), i.PdfUrl?.ToString() ?? string.Empty,
        string.Join(';', i.Lines.Select(l => $"{l.Product}|{l.Quantity.ToString("0.######", CultureInfo.InvariantCulture)}|{Amount(l.Amount.Amount)}")),
    ];

    public static List<string> Row(Payment p) =>
    [
        p.TenantId, p.PaymentId, p.InvoiceNumber, p.ReceivedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        Amount(p.Amount.Amount), p.Amount.Currency, p.Method.ToString(), p.Reference ?? string.Empty,
    ];

    private static InvoiceStatus Derived(Invoice i) =>
        i.AmountPaid.Amount >= i.Gross.Amount ? InvoiceStatus.Paid : i.AmountPaid.IsZero ? InvoiceStatus.Issued : InvoiceStatus.PartiallyPaid;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
