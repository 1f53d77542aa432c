using System.Text.Json.Nodes;
using BillingBot.App.Escalations;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using static BillingBot.App.Tests.Conversations.BillingCardsTests;
using static BillingBot.App.Tests.Tickets.TicketWorld;

namespace BillingBot.App.Tests.Tickets;

/// <summary>
/// With Advanced Support for Partners configured, the escalation form proposes it for technical tickets, while billing
/// matters still go through CSP commercial support; the customer sees which route their ticket took.
/// </summary>
public sealed class MicrosoftRouteTests(AdvancedSupportTicketWorld world) : IClassFixture<AdvancedSupportTicketWorld>
{
    [Theory]
    [InlineData(TicketCategory.TechnicalProblem, MicrosoftSupportRoute.AdvancedSupportForPartners, "Advanced Support for Partners")]
    [InlineData(TicketCategory.InvoiceDispute, MicrosoftSupportRoute.CommercialCspSupport, "CSP commercial support")]
    [InlineData(TicketCategory.PaymentProblem, MicrosoftSupportRoute.CommercialCspSupport, "CSP commercial support")]
    public async Task The_escalation_form_proposes_the_route_of_the_category_under_the_partner_s_entitlements(TicketCategory category, MicrosoftSupportRoute proposed, string routeName)
    {
        var customer = await world.NewCustomerAsync("en-GB", SupportPlan.Premium, 2);
        await customer.Chat.AskAsync("hello");
        var ticket = await world.Desk.OpenAsync(
            new TicketRequest(customer.TenantId, customer.Primary.ObjectId, category, TicketSeverity.High, "Something Microsoft must look at", category == TicketCategory.TechnicalProblem ? [] : [customer.Invoices[0].Number]),
            "en", CancellationToken.None);

        var taken = await world.ClickAsync(TicketVerbs.Start, AgentObjectId, ticket);
        var escalated = await world.ClickAsync(TicketVerbs.Escalate, AgentObjectId, ticket, new JsonObject
        {
            [TicketVerbs.RouteInput] = ProposedRoute(taken.Card),
            [TicketVerbs.CaseNumberInput] = "2612150030004321",
            [TicketVerbs.MicrosoftStatusInput] = "Opened",
        });

        Assert.Equal(proposed.ToString(), ProposedRoute(taken.Card));
        Assert.Contains($"Route (proposed for this category: {routeName})", CardText(taken.Card), StringComparison.Ordinal);
        Assert.Contains($"With Microsoft: {routeName}, case 2612150030004321", CardText(escalated.Card), StringComparison.Ordinal);
        Assert.Equal(proposed, (await world.TicketAsync(customer.TenantId, ticket.Number)).Microsoft!.Route);
        Assert.Contains($"It is with Microsoft ({routeName}), case 2612150030004321", await customer.Chat.AskAsync($"status of {ticket.Number}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agent_may_take_another_route_than_the_one_proposed()
    {
        var customer = await world.NewCustomerAsync("pl-PL", SupportPlan.Standard);
        await customer.Chat.AskAsync("dzień dobry");
        var ticket = await world.Desk.OpenAsync(new TicketRequest(customer.TenantId, customer.Primary.ObjectId, TicketCategory.TechnicalProblem, TicketSeverity.Normal, "Błąd synchronizacji", []), "pl", CancellationToken.None);
        await world.ClickAsync(TicketVerbs.Start, AgentObjectId, ticket);

        await world.ClickAsync(TicketVerbs.Escalate, AgentObjectId, ticket, new JsonObject
        {
            [TicketVerbs.RouteInput] = nameof(MicrosoftSupportRoute.PartnerCloudSupport),
            [TicketVerbs.CaseNumberInput] = "2612150030009999",
            [TicketVerbs.MicrosoftStatusInput] = "Nowa",
        });

        Assert.Equal(MicrosoftSupportRoute.PartnerCloudSupport, (await world.TicketAsync(customer.TenantId, ticket.Number)).Microsoft!.Route);
        Assert.Contains("Przekazaliśmy Twoje zgłoszenie do Microsoft (Partner cloud support).", world.NoticesTo(customer.Chat, ticket.Number)[^1], StringComparison.Ordinal);
    }
}
