using BillingBot.Billing.Invoices;
using static BillingBot.Billing.Tests.Invoices.Invoices;

namespace BillingBot.Billing.Tests.Invoices;

public class ApplyPaymentsTests
{
    [Fact]
    public void Given_an_issued_invoice_When_part_is_paid_Then_it_is_partially_paid_and_the_rest_is_outstanding()
    {
        var invoice = Pln().ApplyPayments([Payment(1000m)]);

        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.Status);
        Assert.Equal(new Money(230m, "PLN"), invoice.Outstanding);
    }

    [Fact]
    public void Given_an_overdue_invoice_When_the_payments_cover_the_gross_Then_it_is_paid()
    {
        var invoice = Pln(status: InvoiceStatus.Overdue).ApplyPayments([Payment(0.10m, "A"), Payment(1229.90m, "B")]);

        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(new Money(1230m, "PLN"), invoice.AmountPaid);
    }

    [Fact]
    public void Applying_the_same_payments_again_changes_nothing()
    {
        var once = Pln().ApplyPayments([Payment(500m)]);

        Assert.Equal(once, once.ApplyPayments([Payment(500m)]));
    }

    [Fact]
    public void What_was_paid_is_the_sum_of_the_payments_not_added_to_an_earlier_amount()
    {
        var invoice = Pln(paid: 700m, status: InvoiceStatus.PartiallyPaid).ApplyPayments([Payment(200m)]);

        Assert.Equal(new Money(200m, "PLN"), invoice.AmountPaid);
    }

    [Fact]
    public void A_disputed_invoice_stays_disputed_while_payments_are_counted()
    {
        var invoice = Pln(status: InvoiceStatus.Disputed).ApplyPayments([Payment(1230m)]);

        Assert.Equal(InvoiceStatus.Disputed, invoice.Status);
        Assert.True(invoice.Outstanding.IsZero);
    }

    [Fact]
    public void A_payment_for_another_invoice_or_in_another_currency_or_listed_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Pln().ApplyPayments([Payment(10m, invoice: "FV/2026/10/018")]));
        Assert.Throws<ArgumentException>(() => Pln().ApplyPayments([Payment(10m, currency: "EUR")]));
        Assert.Throws<ArgumentException>(() => Pln().ApplyPayments([Payment(10m, "A"), Payment(20m, "A")]));
    }
}
