using BillingBot.Billing.Payments;

namespace BillingBot.App.Commands.Import;

/// <summary>Reads a payment row; its invoice must be known, and in the payment's currency.</summary>
internal static class PaymentRows
{
    public static async ValueTask<Payment?> ReadAsync(CsvRecord row, KnownRecords known, CancellationToken cancellationToken)
    {
        var tenantId = row.Required("tenant_id");
        var paymentId = row.Required("payment_id");
        var number = row.Required("invoice_number");
        var receivedAt = row.Instant("received_at");
        var currency = row.Currency("currency");
        var amount = CsvRecord.Money(row.Amount("amount"), currency);
        var method = row.Choice<PaymentMethod>("method");
        var reference = row.Optional("reference");

        if (tenantId is not null && number is not null)
        {
            if (await known.CustomerAsync(tenantId, cancellationToken).ConfigureAwait(false) is null)
            {
                row.Error($"tenant_id: no customer has the tenant id {tenantId}; import the customer first");
            }
            else if (await known.InvoiceAsync(tenantId, number, cancellationToken).ConfigureAwait(false) is not { } invoice)
            {
                row.Error($"invoice_number: the customer {tenantId} has no invoice {number}; import the invoice first");
            }
            else if (currency is not null && invoice.Currency != currency)
            {
                row.Error($"currency: invoice {number} is in {invoice.Currency}, not {currency}");
            }
        }

        if (row.HasErrors)
        {
            return null;
        }

        Payment payment;
        try
        {
            payment = new Payment(paymentId!, tenantId!, number!, receivedAt!.Value, amount!.Value, method!.Value, reference);
        }
        catch (ArgumentException ex)
        {
            row.Error(DomainErrors.Describe(ex));
            return null;
        }

        // An invoice's payments are stored as their sum: it must stay an amount, as every amount of the files is.
        if (await known.PaidWithAsync(payment, cancellationToken).ConfigureAwait(false) > CsvFields.MaxAmount)
        {
            row.Error($"amount: the payments of invoice {number} would add up to more than {CsvFields.MaxAmount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}");
            return null;
        }

        return payment;
    }
}
