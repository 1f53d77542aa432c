using System.Globalization;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;

namespace BillingBot.App.Commands.Seed;

/// <summary>
/// The demo data set as of an instant: every date is placed relative to each customer's "today", so there are always
/// invoices due soon, due today and overdue by 2, 12, 25 and 40 days. The same day gives the same data.
/// </summary>
public static class DemoData
{
    /// <summary>The tenant id the Microsoft 365 Agents Playground always sends.</summary>
    public const string PlaygroundTenantId = "00000000-0000-0000-0000-0000000000001";

    /// <summary>The aadObjectId of the Agents Playground's user (Alex Wilber): the demo customer's primary contact.</summary>
    public const string PlaygroundUserObjectId = "00000000-0000-0000-0000-0000000000020";

    /// <summary>An invoice of the Playground customer with a number that never changes, 12 days overdue.</summary>
    public const string ShowcaseInvoiceNumber = "FV/2026/10/017";

    private const decimal PolishVat = 0.23m;
    private static readonly TimeOnly PaymentTime = new(10, 15);

    /// <summary>The tenants the seed owns; its clean-up never touches any other.</summary>
    public static IReadOnlyList<string> TenantIds { get; } = [.. DemoPlans.All.Select(p => p.Customer.TenantId)];

    public static DemoDataSet For(DateTimeOffset now)
    {
        var invoices = new List<Invoice>();
        var payments = new List<Payment>();
        var sequence = 0;
        foreach (var plan in DemoPlans.All)
        {
            var today = plan.Customer.LocalDate(now);
            foreach (var slot in plan.Slots)
            {
                // Numbers follow the slot, not the date, so they stay put from one day to the next.
                sequence++;
                if (sequence == 17)
                {
                    sequence++;
                }

                var (invoice, paid) = Build(plan, slot, sequence, today);
                invoices.Add(invoice);
                payments.AddRange(paid);
            }
        }

        return new DemoDataSet([.. DemoPlans.All.Select(p => p.Customer)], invoices, payments);
    }

    private static (Invoice Invoice, IReadOnlyList<Payment> Payments) Build(DemoCustomerPlan plan, DemoSlot slot, int sequence, DateOnly today)
    {
        var customer = plan.Customer;
        var currency = customer.Currency;
        var due = today.AddDays(slot.DueInDays);
        var issued = due.AddDays(-customer.PaymentTermDays);
        var number = slot.Number ?? string.Create(CultureInfo.InvariantCulture, $"FV/{issued:yyyy}/{issued:MM}/{sequence:000}");
        var lastMonth = issued.AddMonths(-1);

        var lines = slot.Items
            .Select(item => new InvoiceLine(item.Product.Name, item.Quantity, new Money(decimal.Round(item.Product.Price(currency) * item.Quantity * item.Scale, 2, MidpointRounding.AwayFromZero), currency)))
            .ToList();
        var net = lines.Aggregate(Money.Zero(currency), (sum, line) => sum + line.Amount);
        var tax = currency == "PLN" ? new Money(decimal.Round(net.Amount * PolishVat, 2, MidpointRounding.AwayFromZero), currency) : Money.Zero(currency);
        var status = slot.Outcome switch
        {
            DemoOutcome.Disputed => InvoiceStatus.Disputed,
            DemoOutcome.Cancelled => InvoiceStatus.Cancelled,
            _ when due < today => InvoiceStatus.Overdue,
            _ => InvoiceStatus.Issued,
        };
        var invoice = new Invoice(
            number,
            customer.TenantId,
            BillingPeriod.Month(lastMonth.Year, lastMonth.Month),
            issued,
            due,
            net,
            tax,
            net + tax,
            Money.Zero(currency),
            lines,
            new Uri($"https://billing.contoso.example/invoices/{customer.TenantId}/{number.Replace('/', '-')}.pdf"),
            status);

        var payments = Payments(plan, slot, invoice, today);
        return (payments.Count > 0 ? invoice.ApplyPayments(payments) : invoice, payments);
    }

    private static List<Payment> Payments(DemoCustomerPlan plan, DemoSlot slot, Invoice invoice, DateOnly today)
    {
        var gross = invoice.Gross.Amount;
        var part = decimal.Round(gross * 0.4m, 2, MidpointRounding.AwayFromZero);
        var due = invoice.DueDate;
        (DateOnly Day, decimal Amount)[] received = slot.Outcome switch
        {
            DemoOutcome.PaidOnTime => [(due.AddDays(-(Math.Abs(slot.DueInDays) % 5)), gross)],
            DemoOutcome.PaidLate => [(due.AddDays(9), gross)],
            DemoOutcome.PaidInTwoParts => [(due.AddDays(-3), part), (due.AddDays(4), gross - part)],
            DemoOutcome.PartlyPaid => [(due < today ? due.AddDays(-2) : today.AddDays(-1), part)],
            _ => [],
        };

        var method = slot.Method ?? plan.Method;
        return [.. received.Select((r, i) =>
        {
            // Never in the future, never before the invoice.
            var day = r.Day > today ? today : r.Day < invoice.IssueDate ? invoice.IssueDate : r.Day;
            var id = $"PAY-{invoice.Number.Replace('/', '-')}-{i + 1}";
            return new Payment(id, invoice.TenantId, invoice.Number, At(plan.Customer, day), new Money(r.Amount, invoice.Currency), method, Reference(method, invoice, i));
        })];
    }

    private static DateTimeOffset At(Customer customer, DateOnly day)
    {
        var local = day.ToDateTime(PaymentTime);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(customer.TimeZoneId).GetUtcOffset(local));
    }

    private static string Reference(PaymentMethod method, Invoice invoice, int index) => method switch
    {
        PaymentMethod.Card => $"Visa ****4242 {invoice.Number.Replace('/', '-')}-{index + 1}",
        PaymentMethod.DirectDebit => $"SEPA-DD {invoice.TenantId[..8].ToUpperInvariant()} {invoice.Number}",
        _ => invoice.Number,
    };
}
