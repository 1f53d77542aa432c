using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;

namespace BillingBot.Storage.Billing;

/// <summary>
/// Maps the billing domain to table entities and back. Money is exact: long minor units plus the currency (a decimal
/// property would read back as a double). Dates are yyyy-MM-dd strings, instants round-trip strings, enums their
/// names, lists JSON.
/// </summary>
internal static class BillingEntities
{
    // A string property holds at most 64 KiB, i.e. 32 K UTF-16 characters.
    private const int MaxStringLength = 32 * 1024;

    public static TableEntity From(Customer customer) => new(BillingKeys.Partition(customer.TenantId), BillingKeys.CustomerRow)
    {
        ["TenantId"] = customer.TenantId,
        ["Name"] = customer.Name,
        ["Currency"] = customer.Currency,
        ["Locale"] = customer.Locale,
        ["TimeZoneId"] = customer.TimeZoneId,
        ["PaymentTermDays"] = customer.PaymentTermDays,
        ["SupportPlan"] = customer.SupportPlan.ToString(),
        ["Contacts"] = Json(
            customer.Contacts.Select(c => new StoredContact(c.ObjectId, c.Name, c.Email, c.Role.ToString())).ToList(),
            BillingJson.Default.ListStoredContact,
            $"the contacts of {customer.TenantId}"),
    };

    public static Customer ToCustomer(TableEntity entity) => new(
        entity.GetString("TenantId"),
        entity.GetString("Name"),
        entity.GetString("Currency"),
        entity.GetString("Locale"),
        entity.GetString("TimeZoneId"),
        entity.GetInt32("PaymentTermDays") ?? 0,
        Enum.Parse<SupportPlan>(entity.GetString("SupportPlan")),
        [.. JsonSerializer.Deserialize(entity.GetString("Contacts") ?? "[]", BillingJson.Default.ListStoredContact)!
            .Select(c => new BillingContact(c.ObjectId, c.Name, c.Email, Enum.Parse<BillingContactRole>(c.Role)))]);

    public static TableEntity From(Invoice invoice) => new(BillingKeys.Partition(invoice.TenantId), BillingKeys.InvoiceRow(invoice.Number))
    {
        ["TenantId"] = invoice.TenantId,
        ["Number"] = invoice.Number,
        ["PeriodStart"] = BillingKeys.Date(invoice.Period.Start),
        ["PeriodEnd"] = BillingKeys.Date(invoice.Period.End),
        ["IssueDate"] = BillingKeys.Date(invoice.IssueDate),
        ["DueDate"] = BillingKeys.Date(invoice.DueDate),
        ["Currency"] = invoice.Currency,
        ["NetMinor"] = invoice.Net.ToMinorUnits(),
        ["TaxMinor"] = invoice.Tax.ToMinorUnits(),
        ["GrossMinor"] = invoice.Gross.ToMinorUnits(),
        ["AmountPaidMinor"] = invoice.AmountPaid.ToMinorUnits(),
        ["Lines"] = Json(
            invoice.Lines.Select(l => new StoredLine(l.Product, l.Quantity, l.Amount.ToMinorUnits())).ToList(),
            BillingJson.Default.ListStoredLine,
            $"the lines of invoice {invoice.Number}"),
        ["PdfUrl"] = invoice.PdfUrl?.AbsoluteUri,
        ["Status"] = invoice.Status.ToString(),
    };

    /// <summary>
    /// The invoice's row in the InvoicesDue index: its due date's partition, the tenant and number, and what the reminder
    /// scheduler needs to notice a change without reading the invoice (issue date, recorded status, amounts).
    /// </summary>
    public static TableEntity DueEntry(Invoice invoice) => new(BillingKeys.DuePartition(invoice.DueDate), BillingKeys.DueRow(invoice.TenantId, invoice.Number))
    {
        ["TenantId"] = invoice.TenantId,
        ["Number"] = invoice.Number,
        ["IssueDate"] = BillingKeys.Date(invoice.IssueDate),
        ["Status"] = invoice.Status.ToString(),
        ["AmountPaidMinor"] = invoice.AmountPaid.ToMinorUnits(),
        ["GrossMinor"] = invoice.Gross.ToMinorUnits(),
    };

    /// <summary>The properties an index row is read with.</summary>
    public static IReadOnlyList<string> DueEntryColumns { get; } = ["PartitionKey", "TenantId", "Number", "IssueDate", "Status", "AmountPaidMinor", "GrossMinor"];

    /// <summary>An index row as an entry, or null for a row written before the index carried the invoice's state.</summary>
    public static InvoiceDueEntry? ToDueEntry(TableEntity entity) =>
        entity.GetString("Status") is { } status && entity.GetString("IssueDate") is { } issued
            ? new InvoiceDueEntry(
                entity.GetString("TenantId"),
                entity.GetString("Number"),
                BillingKeys.ParseDate(entity.PartitionKey),
                BillingKeys.ParseDate(issued),
                Enum.Parse<InvoiceStatus>(status),
                entity.GetInt64("AmountPaidMinor") ?? 0,
                entity.GetInt64("GrossMinor") ?? 0)
            : null;

    public static Invoice ToInvoice(TableEntity entity)
    {
        var currency = entity.GetString("Currency");
        Money Amount(string name) => Money.FromMinorUnits(entity.GetInt64(name) ?? 0, currency);
        return new Invoice(
            entity.GetString("Number"),
            entity.GetString("TenantId"),
            new BillingPeriod(BillingKeys.ParseDate(entity.GetString("PeriodStart")), BillingKeys.ParseDate(entity.GetString("PeriodEnd"))),
            BillingKeys.ParseDate(entity.GetString("IssueDate")),
            BillingKeys.ParseDate(entity.GetString("DueDate")),
            Amount("NetMinor"),
            Amount("TaxMinor"),
            Amount("GrossMinor"),
            Amount("AmountPaidMinor"),
            [.. JsonSerializer.Deserialize(entity.GetString("Lines") ?? "[]", BillingJson.Default.ListStoredLine)!
                .Select(l => new InvoiceLine(l.Product, l.Quantity, Money.FromMinorUnits(l.AmountMinor, currency)))],
            entity.GetString("PdfUrl") is { } url ? new Uri(url) : null,
            Enum.Parse<InvoiceStatus>(entity.GetString("Status")));
    }

    public static TableEntity From(Payment payment) => new(BillingKeys.Partition(payment.TenantId), BillingKeys.PaymentRow(payment.InvoiceNumber, payment.PaymentId))
    {
        ["TenantId"] = payment.TenantId,
        ["PaymentId"] = payment.PaymentId,
        ["InvoiceNumber"] = payment.InvoiceNumber,
        // A string keeps the offset the payment was received with; a table DateTime keeps only UTC.
        ["ReceivedAt"] = payment.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
        ["Currency"] = payment.Amount.Currency,
        ["AmountMinor"] = payment.Amount.ToMinorUnits(),
        ["Method"] = payment.Method.ToString(),
        ["Reference"] = payment.Reference,
    };

    public static Payment ToPayment(TableEntity entity) => new(
        entity.GetString("PaymentId"),
        entity.GetString("TenantId"),
        entity.GetString("InvoiceNumber"),
        DateTimeOffset.ParseExact(entity.GetString("ReceivedAt"), "O", CultureInfo.InvariantCulture),
        Money.FromMinorUnits(entity.GetInt64("AmountMinor") ?? 0, entity.GetString("Currency")),
        Enum.Parse<PaymentMethod>(entity.GetString("Method")),
        entity.GetString("Reference"));

    private static string Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what)
    {
        var json = JsonSerializer.Serialize(value, type);
        return json.Length <= MaxStringLength
            ? json
            : throw new ArgumentException($"{char.ToUpperInvariant(what[0])}{what[1..]} are too long to store ({json.Length} characters; at most {MaxStringLength}).");
    }
}
