using BillingBot.Billing.Collections;
using BillingBot.Billing.Invoices;
using static BillingBot.Billing.Tests.Invoices.Invoices;

namespace BillingBot.Billing.Tests.Collections;

public class AccountStandingTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void Given_an_overdue_a_partially_paid_and_a_paid_invoice_Then_totals_next_due_and_suspension_follow_the_policy()
    {
        var overdue = Pln(number: "FV/2026/09/011", issueDate: new DateOnly(2026, 9, 30), dueDate: new DateOnly(2026, 11, 13));
        var partial = Pln(number: "FV/2026/10/017", paid: 230m, status: InvoiceStatus.PartiallyPaid, dueDate: new DateOnly(2026, 12, 12));
        var paid = Pln(number: "FV/2026/08/003", paid: 1230m, status: InvoiceStatus.Paid, issueDate: new DateOnly(2026, 9, 1), dueDate: new DateOnly(2026, 10, 13));

        var standing = AccountStanding.On(Today, [paid, partial, overdue], CollectionPolicy.Default);

        Assert.Equal([new Money(1230m + 1000m, "PLN")], standing.TotalDue);
        Assert.Equal([new Money(1230m, "PLN")], standing.OverdueTotal);
        Assert.Equal("FV/2026/10/017", standing.NextDue?.Number);
        Assert.Equal("FV/2026/09/011", standing.MostUrgent?.Number);
        Assert.Equal(new DateOnly(2026, 12, 13), standing.SuspensionDate);
        Assert.False(standing.IsSuspendable);
    }

    [Fact]
    public void Given_an_invoice_30_days_overdue_Then_access_is_suspendable_from_that_day()
    {
        var overdue = Pln(issueDate: new DateOnly(2026, 10, 12), dueDate: new DateOnly(2026, 10, 26));

        Assert.True(AccountStanding.On(Today, [overdue], CollectionPolicy.Default).IsSuspendable);
        Assert.False(AccountStanding.On(Today.AddDays(-1), [overdue], CollectionPolicy.Default).IsSuspendable);
    }

    [Fact]
    public void Given_a_disputed_overdue_invoice_Then_it_is_owed_but_puts_no_access_at_risk()
    {
        var disputed = Pln(status: InvoiceStatus.Disputed, issueDate: new DateOnly(2026, 8, 18), dueDate: new DateOnly(2026, 9, 1));

        var standing = AccountStanding.On(Today, [disputed], CollectionPolicy.Default);

        Assert.Equal([new Money(1230m, "PLN")], standing.TotalDue);
        Assert.Empty(standing.Overdue);
        Assert.Null(standing.SuspensionDate);
        Assert.Null(standing.NextDue);
    }

    [Fact]
    public void Given_a_grace_period_Then_an_invoice_inside_it_is_not_yet_overdue_for_collection()
    {
        var invoice = Pln(dueDate: new DateOnly(2026, 11, 22));
        var policy = CollectionPolicy.Default with { GraceDays = 5 };

        Assert.Empty(AccountStanding.On(Today, [invoice], policy).Overdue);
        Assert.Single(AccountStanding.On(Today, [invoice], CollectionPolicy.Default).Overdue);
    }

    [Fact]
    public void Given_only_paid_and_cancelled_invoices_Then_nothing_is_due()
    {
        var standing = AccountStanding.On(Today, [Pln(paid: 1230m, status: InvoiceStatus.Paid), Pln(number: "FV/2026/10/018", status: InvoiceStatus.Cancelled)], CollectionPolicy.Default);

        Assert.Empty(standing.TotalDue);
        Assert.Null(standing.NextDue);
        Assert.Equal(2, standing.Invoices.Count);
    }
}
