using BillingBot.App.Commands.Seed;
using BillingBot.Billing.Invoices;

namespace BillingBot.App.Tests.Commands;

/// <summary>The demo data set is a function of the day: the same all day, valid on any day of the year.</summary>
public class DemoDataTests
{
    [Fact]
    public void The_same_day_gives_the_same_data()
    {
        var morning = DemoData.For(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
        var evening = DemoData.For(new DateTimeOffset(2026, 11, 25, 21, 0, 0, TimeSpan.Zero));

        Assert.Equal(morning.Customers, evening.Customers);
        Assert.Equal(morning.Invoices, evening.Invoices);
        Assert.Equal(morning.Payments, evening.Payments);
    }

    [Theory]
    [InlineData("2026-01-01T00:30:00Z")]
    [InlineData("2026-03-29T01:30:00Z")]
    [InlineData("2026-10-31T23:30:00Z")]
    [InlineData("2027-02-28T12:00:00Z")]
    [InlineData("2028-02-29T12:00:00Z")]
    public void On_any_day_the_demo_has_every_status_unique_numbers_and_no_payment_from_the_future(string instant)
    {
        var now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        var demo = DemoData.For(now);

        var todayOf = demo.Customers.ToDictionary(c => c.TenantId, c => c.LocalDate(now));
        Assert.Equal(Enum.GetValues<InvoiceStatus>().ToHashSet(), demo.Invoices.Select(i => i.StatusOn(todayOf[i.TenantId])).ToHashSet());
        Assert.Equal(demo.Invoices.Count, demo.Invoices.Select(i => (i.TenantId, i.Number)).Distinct().Count());
        Assert.Equal(demo.Payments.Count, demo.Payments.Select(p => (p.TenantId, p.PaymentId)).Distinct().Count());
        Assert.All(demo.Payments, p => Assert.True(p.ReceivedAt <= now, $"{p.PaymentId} is received after {now:O}"));
        Assert.Single(demo.Invoices, i => i.Number == "FV/2026/10/017");
    }
}
