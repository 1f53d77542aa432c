using BillingBot.App.Configuration;
using BillingBot.Billing.Collections;
using Microsoft.Extensions.Configuration;

namespace BillingBot.App.Tests.Configuration;

public class CollectionPolicyOptionsTests
{
    private const string Contoso = "0b2f6a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    private const string Fabrikam = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";

    [Fact]
    public void Given_a_partner_policy_and_one_customer_override_Then_the_customer_keeps_the_partner_values_it_does_not_set()
    {
        var book = Bind(new Dictionary<string, string?>
        {
            ["Collections:GraceDays"] = "2",
            ["Collections:DeliveryWindowStart"] = "08:30",
            ["Collections:Holidays:0"] = "2026-12-24",
            ["Collections:PaymentClaimPauseDays"] = "3",
            [$"Collections:Customers:{Contoso}:DeliveryWindowEnd"] = "15:00",
            [$"Collections:Customers:{Contoso}:WorkingDays:0"] = "Monday",
            [$"Collections:Customers:{Contoso}:WorkingDays:1"] = "Thursday",
            [$"Collections:Customers:{Contoso}:NotifyPeriodClosing"] = "false",
        }).ToPolicyBook();

        var partner = book.Default;
        var contoso = book.For(Contoso.ToUpperInvariant());

        Assert.Equal((2, new TimeOnly(8, 30), new TimeOnly(17, 0), 3), (partner.GraceDays, partner.DeliveryWindowStart, partner.DeliveryWindowEnd, partner.PaymentClaimPauseDays));
        Assert.Equal([new DateOnly(2026, 12, 24)], partner.Holidays);
        Assert.Equal((2, new TimeOnly(8, 30), new TimeOnly(15, 0), false), (contoso.GraceDays, contoso.DeliveryWindowStart, contoso.DeliveryWindowEnd, contoso.NotifyPeriodClosing));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Thursday], contoso.WorkingDays);
        Assert.Same(partner, book.For(Fabrikam));
    }

    [Fact]
    public void Given_nothing_configured_Then_the_partner_policy_is_the_default()
    {
        var options = Bind([]);

        Assert.Equal(CollectionPolicy.Default.DeliveryWindowStart, options.ToPolicy().DeliveryWindowStart);
        Assert.Equal(CollectionPolicy.Default.WorkingDays, options.ToPolicy().WorkingDays);
        Assert.Empty(options.ToPolicyBook().ByTenant);
    }

    [Fact]
    public void Given_an_unsound_customer_override_or_a_nested_list_Then_start_up_validation_names_the_customer()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            [$"Collections:Customers:{Contoso}:DeliveryWindowStart"] = "18:00",
            [$"Collections:Customers:{Fabrikam}:Customers:{Contoso}:GraceDays"] = "1",
        });

        var result = new BillingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Collections: {Contoso}: The delivery window must open before it closes.", result.Failures);
        Assert.Contains($"Collections:Customers:{Fabrikam} cannot list customers of its own.", result.Failures);
    }

    private static CollectionPolicyOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Collections").Get<CollectionPolicyOptions>() ?? new CollectionPolicyOptions();
}
