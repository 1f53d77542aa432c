using BillingBot.Billing.Escalations;

namespace BillingBot.Billing.Tests.Escalations;

/// <summary>The route the bot proposes to Microsoft: commercial matters to CSP commercial support, technical ones to the partner's paid plan.</summary>
public sealed class MicrosoftSupportEntitlementsTests
{
    [Theory]
    [InlineData(TicketCategory.BillingQuestion)]
    [InlineData(TicketCategory.InvoiceDispute)]
    [InlineData(TicketCategory.PaymentProblem)]
    [InlineData(TicketCategory.Licensing)]
    [InlineData(TicketCategory.Subscriptions)]
    public void Commercial_matters_go_to_CSP_commercial_support_whatever_paid_plan_the_partner_has(TicketCategory category)
    {
        var premier = new MicrosoftSupportEntitlements([MicrosoftSupportRoute.PremierSupportForPartners]);

        Assert.Equal(MicrosoftSupportRoute.CommercialCspSupport, premier.ProposeRoute(category));
    }

    [Fact]
    public void Given_a_partner_with_Advanced_Support_When_a_technical_ticket_is_escalated_Then_Advanced_Support_is_proposed()
    {
        var advanced = new MicrosoftSupportEntitlements([MicrosoftSupportRoute.AdvancedSupportForPartners]);

        Assert.Equal(MicrosoftSupportRoute.AdvancedSupportForPartners, advanced.ProposeRoute(TicketCategory.TechnicalProblem));
    }

    [Fact]
    public void Given_a_partner_with_both_paid_plans_Then_the_first_configured_is_proposed()
    {
        var both = new MicrosoftSupportEntitlements([MicrosoftSupportRoute.PremierSupportForPartners, MicrosoftSupportRoute.AdvancedSupportForPartners]);

        Assert.Equal(MicrosoftSupportRoute.PremierSupportForPartners, both.ProposeRoute(TicketCategory.TechnicalProblem));
    }

    [Fact]
    public void Given_a_partner_without_paid_support_When_a_technical_ticket_is_escalated_Then_Partner_cloud_support_is_proposed()
    {
        Assert.Equal(MicrosoftSupportRoute.PartnerCloudSupport, new MicrosoftSupportEntitlements([]).ProposeRoute(TicketCategory.TechnicalProblem));
    }

    [Fact]
    public void Commercial_support_is_not_a_paid_technical_plan_to_configure()
    {
        Assert.Throws<ArgumentException>(() => new MicrosoftSupportEntitlements([MicrosoftSupportRoute.CommercialCspSupport]));
    }
}
