using BillingBot.Billing;
using BillingBot.Billing.Invoices;

namespace BillingBot.App.Commands.Import;

/// <summary>
/// Reads an invoice row. Lines are one column: "product|quantity|net amount" items separated by ';', for example
/// "Microsoft 365 Business Premium|25|2310.00;Azure consumption|1|1850.00". Without a status, it follows from the
/// amounts (Issued, PartiallyPaid or Paid); being overdue follows from the date anyway.
/// </summary>
internal static class InvoiceRows
{
    public static async ValueTask<Invoice?> ReadAsync(CsvRecord row, KnownRecords known, CancellationToken cancellationToken)
    {
        var tenantId = row.Required("tenant_id");
        var number = row.Required("number");
        var periodStart = row.Date("period_start");
        var periodEnd = row.Date("period_end");
        var issueDate = row.Date("issue_date");
        var dueDate = row.Date("due_date");
        var currency = row.Currency("currency");
        var net = CsvRecord.Money(row.Amount("net"), currency);
        var tax = CsvRecord.Money(row.Amount("tax"), currency);
        var gross = CsvRecord.Money(row.Amount("gross"), currency);
        var paid = CsvRecord.Money(row.Amount("amount_paid", required: false) ?? 0m, currency);
        var status = row.Choice<InvoiceStatus>("status", required: false);
        var pdfUrl = row.HttpsUrl("pdf_url");
        var lines = Lines(row, row.Optional("lines"), currency);

        if (tenantId is not null)
        {
            var customer = await known.CustomerAsync(tenantId, cancellationToken).ConfigureAwait(false);
            if (customer is null)
            {
                row.Error($"tenant_id: no customer has the tenant id {tenantId}; import the customer first");
            }
            else if (currency is not null && customer.Currency != currency)
            {
                row.Error($"currency: {customer.Name} is invoiced in {customer.Currency}, not {currency}");
            }
        }

        if (row.HasErrors)
        {
            return null;
        }

        try
        {
            var period = new BillingPeriod(periodStart!.Value, periodEnd!.Value);
            var recorded = status ?? (paid!.Value.Amount >= gross!.Value.Amount ? InvoiceStatus.Paid : paid.Value.IsZero ? InvoiceStatus.Issued : InvoiceStatus.PartiallyPaid);
            return new Invoice(number!, tenantId!, period, issueDate!.Value, dueDate!.Value, net!.Value, tax!.Value, gross!.Value, paid!.Value, lines, pdfUrl, recorded);
        }
        catch (ArgumentException ex)
        {
            row.Error(DomainErrors.Describe(ex));
            return null;
        }
    }

    private static List<InvoiceLine> Lines(CsvRecord row, string? text, string? currency)
    {
        var lines = new List<InvoiceLine>();
        var items = text?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        for (var i = 0; i < items.Length; i++)
        {
            var parts = items[i].Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 3)
            {
                row.Error($"lines: item {i + 1} ('{items[i]}') is not 'product|quantity|amount'");
            }
            else if (!CsvFields.TryQuantity(parts[1], out var quantity))
            {
                row.Error($"lines: item {i + 1} has the quantity '{parts[1]}', not a positive number with a dot");
            }
            else if (!CsvFields.TryAmount(parts[2], out var amount))
            {
                row.Error($"lines: item {i + 1} has the amount '{parts[2]}', not an amount with a dot and at most two decimals");
            }
            else if (parts[0].Length == 0)
            {
                row.Error($"lines: item {i + 1} has no product");
            }
            else if (currency is not null)
            {
                lines.Add(new InvoiceLine(parts[0], quantity, new Money(amount, currency)));
            }
        }

        return lines;
    }
}
