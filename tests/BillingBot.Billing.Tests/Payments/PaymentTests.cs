using BillingBot.Billing.Payments;
using static BillingBot.Billing.Tests.Invoices.Invoices;

namespace BillingBot.Billing.Tests.Payments;

public class PaymentTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(10.005)]
    public void A_payment_amount_is_positive_in_whole_minor_units(decimal amount)
    {
        Assert.ThrowsAny<ArgumentException>(() => Payment(amount));
    }

    [Fact]
    public void A_payment_needs_its_ids_and_an_empty_reference_is_none()
    {
        Assert.Throws<ArgumentException>(() => Payment(10m, id: " "));
        var payment = new Payment("P1", Tenant, "FV/2026/10/017", DateTimeOffset.UnixEpoch, new Money(1m, "PLN"), PaymentMethod.Card, "  ");

        Assert.Null(payment.Reference);
    }
}
