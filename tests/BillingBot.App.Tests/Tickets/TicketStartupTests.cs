using BillingBot.App.Tests.Hosting;
using BillingBot.Billing.Escalations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Tests.Tickets;

/// <summary>A Microsoft entitlement the partner cannot have stops start-up with a message naming the key; the paid plans are taken in order.</summary>
public sealed class TicketStartupTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    [Theory]
    [InlineData("CommercialCspSupport", "Escalations:MicrosoftSupport:TechnicalPlans:0 'CommercialCspSupport' is not a paid technical support plan")]
    [InlineData("PremierSupport", "Escalations:MicrosoftSupport:TechnicalPlans:0 'PremierSupport' is not a paid technical support plan")]
    [InlineData("2", "Escalations:MicrosoftSupport:TechnicalPlans:0 '2' is not a paid technical support plan")]
    public void An_entitlement_that_is_not_a_paid_technical_plan_stops_start_up(string plan, string expected)
    {
        using var host = new BotHost(env.Azurite, settings: new Dictionary<string, string?> { ["Escalations:MicrosoftSupport:TechnicalPlans:0"] = plan });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateHttpClient());

        Assert.Contains(expected, Find(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_posting_claim_shorter_than_a_post_may_take_stops_start_up()
    {
        using var host = new BotHost(env.Azurite, settings: new Dictionary<string, string?> { ["Escalations:PostingClaimTimeout"] = "00:00:30" });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateHttpClient());

        Assert.Contains("Escalations:PostingClaimTimeout (00:00:30) must exceed Connector:TotalTimeout", Find(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_partner_s_paid_plans_are_proposed_in_the_order_configured()
    {
        using var host = new BotHost(env.Azurite, settings: new Dictionary<string, string?>
        {
            ["Escalations:MicrosoftSupport:TechnicalPlans:0"] = "premierSupportForPartners",
            ["Escalations:MicrosoftSupport:TechnicalPlans:1"] = "AdvancedSupportForPartners",
        });
        using var http = host.CreateHttpClient();

        var entitlements = host.Services.GetRequiredService<MicrosoftSupportEntitlements>();

        Assert.Equal([MicrosoftSupportRoute.PremierSupportForPartners, MicrosoftSupportRoute.AdvancedSupportForPartners], entitlements.TechnicalPlans);
        Assert.Equal(MicrosoftSupportRoute.PremierSupportForPartners, entitlements.ProposeRoute(TicketCategory.TechnicalProblem));
        Assert.Equal(MicrosoftSupportRoute.CommercialCspSupport, entitlements.ProposeRoute(TicketCategory.Licensing));
    }

    private static OptionsValidationException Find(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException match)
            {
                return match;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } inner)
            {
                return inner;
            }
        }

        throw new Xunit.Sdk.XunitException($"No OptionsValidationException in {error}");
    }
}
