using BillingBot.Billing.Invoices;
using static BillingBot.Billing.Tests.Invoices.Invoices;

namespace BillingBot.Billing.Tests.Invoices;

public class InvoiceTests
{
    [Fact]
    public void Given_net_and_tax_that_do_not_add_up_to_the_gross_When_the_invoice_is_made_Then_it_is_refused_naming_the_amounts()
    {
        var error = Assert.Throws<ArgumentException>(() => Pln(net: 1000m, tax: 230m, gross: 1230.01m));

        Assert.Contains("1000.00 PLN + tax 230.00 PLN is 1230.00 PLN, not the gross 1230.01 PLN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invoice_has_one_currency()
    {
        var error = Assert.Throws<ArgumentException>(() => new Invoice(
            "FV/2026/10/017", Tenant, BillingPeriod.Month(2026, 10), Issued, Due,
            new Money(100m, "EUR"), new Money(23m, "PLN"), new Money(123m, "PLN"), Money.Zero("PLN"), [], null, InvoiceStatus.Issued));

        Assert.Contains("in EUR, but the invoice is in PLN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_in_another_currency_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Pln(lines: [new InvoiceLine("Azure consumption", 1m, new Money(1000m, "EUR"))]));
    }

    [Fact]
    public void The_lines_must_add_up_to_the_net()
    {
        var error = Assert.Throws<ArgumentException>(() => Pln(net: 1000m, lines:
        [
            new InvoiceLine("Microsoft 365 Business Premium", 10m, new Money(900m, "PLN")),
            new InvoiceLine("Azure consumption", 1m, new Money(99.99m, "PLN")),
        ]));

        Assert.Contains("lines add up to 999.99 PLN, not the net 1000.00 PLN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invoice_without_lines_is_fine()
    {
        Assert.Empty(Pln(lines: []).Lines);
    }

    [Fact]
    public void The_due_date_cannot_be_before_the_issue_date_but_can_be_the_same_day()
    {
        var error = Assert.Throws<ArgumentException>(() => Pln(issueDate: new DateOnly(2026, 11, 2), dueDate: new DateOnly(2026, 11, 1)));
        Assert.Contains("due date 2026-11-01 is before the issue date 2026-11-02", error.Message, StringComparison.Ordinal);

        Assert.Equal(new DateOnly(2026, 11, 2), Pln(issueDate: new DateOnly(2026, 11, 2), dueDate: new DateOnly(2026, 11, 2)).DueDate);
    }

    [Fact]
    public void A_billing_period_cannot_end_before_it_starts()
    {
        Assert.Throws<ArgumentException>(() => new BillingPeriod(new DateOnly(2026, 10, 31), new DateOnly(2026, 10, 1)));
        Assert.Equal(new DateOnly(2026, 2, 28), BillingPeriod.Month(2026, 2).End);
    }

    [Fact]
    public void Amounts_with_fractions_of_a_grosz_and_negative_amounts_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Pln(net: 1000.001m, tax: 230m, lines: []));
        Assert.Throws<ArgumentException>(() => Pln(net: -1000m, tax: 0m, lines: []));
    }

    [Theory]
    [InlineData(InvoiceStatus.Paid, 0)]
    [InlineData(InvoiceStatus.Issued, 100)]
    [InlineData(InvoiceStatus.PartiallyPaid, 0)]
    [InlineData(InvoiceStatus.PartiallyPaid, 1230)]
    [InlineData(InvoiceStatus.Overdue, 1230)]
    public void A_recorded_status_that_contradicts_the_amounts_is_refused(InvoiceStatus status, decimal paid)
    {
        var error = Assert.Throws<ArgumentException>(() => Pln(paid: paid, status: status));

        Assert.Contains($"status {status} does not agree", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_outstanding_amount_is_what_is_left_and_never_negative()
    {
        Assert.Equal(new Money(1230m, "PLN"), Pln().Outstanding);
        Assert.Equal(new Money(0.01m, "PLN"), Pln(paid: 1229.99m, status: InvoiceStatus.PartiallyPaid).Outstanding);
        Assert.Equal(Money.Zero("PLN"), Pln(paid: 1500m, status: InvoiceStatus.Paid).Outstanding);
    }

    [Fact]
    public void Given_an_unpaid_invoice_Then_it_is_issued_up_to_its_due_date_and_overdue_the_day_after()
    {
        var invoice = Pln();

        Assert.Equal(InvoiceStatus.Issued, invoice.StatusOn(Due.AddDays(-1)));
        Assert.Equal(InvoiceStatus.Issued, invoice.StatusOn(Due));
        Assert.Equal(InvoiceStatus.Overdue, invoice.StatusOn(Due.AddDays(1)));
        Assert.Equal(0, invoice.DaysPastDueOn(Due));
        Assert.Equal(12, invoice.DaysPastDueOn(Due.AddDays(12)));
    }

    [Fact]
    public void Given_a_partially_paid_invoice_Then_it_is_partially_paid_until_due_and_overdue_after()
    {
        var invoice = Pln(paid: 500m, status: InvoiceStatus.PartiallyPaid);

        Assert.Equal(InvoiceStatus.PartiallyPaid, invoice.StatusOn(Due));
        Assert.Equal(InvoiceStatus.Overdue, invoice.StatusOn(Due.AddDays(25)));
        Assert.Equal(25, invoice.DaysPastDueOn(Due.AddDays(25)));
    }

    [Fact]
    public void Given_a_fully_paid_invoice_Then_it_is_paid_whatever_the_date()
    {
        var invoice = Pln(paid: 1230m, status: InvoiceStatus.Paid);

        Assert.Equal(InvoiceStatus.Paid, invoice.StatusOn(Due.AddDays(100)));
        Assert.Equal(0, invoice.DaysPastDueOn(Due.AddDays(100)));
    }

    [Theory]
    [InlineData(InvoiceStatus.Disputed)]
    [InlineData(InvoiceStatus.Cancelled)]
    public void Disputed_and_cancelled_invoices_stay_so_and_are_never_overdue(InvoiceStatus status)
    {
        var invoice = Pln(status: status);

        Assert.Equal(status, invoice.StatusOn(Due.AddDays(40)));
        Assert.Equal(0, invoice.DaysPastDueOn(Due.AddDays(40)));
    }

    [Fact]
    public void An_invoice_recorded_as_overdue_is_not_overdue_before_its_due_date()
    {
        Assert.Equal(InvoiceStatus.Issued, Pln(status: InvoiceStatus.Overdue).StatusOn(Due.AddDays(-3)));
    }

    [Fact]
    public void Invoices_with_the_same_content_are_equal_even_with_different_line_lists()
    {
        Assert.Equal(Pln(), Pln());
        Assert.NotEqual(Pln(), Pln(lines: [new InvoiceLine("Azure consumption", 1m, new Money(1000m, "PLN"))]));
    }

    [Fact]
    public void A_changed_status_is_checked_like_a_new_invoice()
    {
        Assert.Equal(InvoiceStatus.Disputed, Pln().WithStatus(InvoiceStatus.Disputed).Status);
        Assert.Throws<ArgumentException>(() => Pln().WithStatus(InvoiceStatus.Paid));
    }
}
