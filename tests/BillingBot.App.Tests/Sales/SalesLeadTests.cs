using System.Globalization;
using System.Text.Json.Nodes;
using BillingBot.App.Bot;
using BillingBot.App.Resources;
using BillingBot.App.Tests.Conversations;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Touchpoints;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Cards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BillingBot.App.Tests.Sales;

/// <summary>
/// A customer who asks about buying more is told that sales will call, and the sales channel gets a lead card that
/// @mentions the sales agents with what they need to call back, and nothing of another customer.
/// </summary>
public sealed class SalesLeadTests(SalesDesk desk, AdaptiveCardChecks checks) : IClassFixture<SalesDesk>, IClassFixture<AdaptiveCardChecks>
{
    private const string PartnerName = "Contoso Cloud";

    [Fact]
    public async Task Given_a_Polish_customer_with_an_overdue_invoice_When_they_ask_to_buy_more_licences_Then_sales_will_call_and_the_sales_channel_gets_a_lead_card_with_their_context()
    {
        var customer = await desk.NewCustomerAsync("Fabrikam Polska sp. z o.o. " + Token(), "pl-PL", -5, 10);
        await desk.SayAsync(customer, customer.Primary, "ile w tej chwili wynosi moje saldo?");

        var replies = await desk.SayAsync(customer, customer.Primary, "chcemy dokupić 10 licencji Copilot dla zarządu");

        Assert.Equal(SalesTexts.For(BotCulture.Polish).Format("Lead_Passed", PartnerName), Assert.Single(replies).Text);
        var card = Assert.Single(desk.LeadCards(customer.Customer));
        var text = BillingCardsTests.CardText(card);
        AssertMentionsTheSalesAgents(card);
        Assert.Contains(customer.Customer.Name, text, StringComparison.Ordinal);
        Assert.Contains(customer.TenantId, text, StringComparison.Ordinal);
        Assert.Equal(customer.Primary.Name, Fact(card, "Asked by"));
        Assert.Equal(customer.Primary.ObjectId, Fact(card, "Entra object id"));
        Assert.Equal("Primary contact", Fact(card, "Contact role"));
        Assert.Equal("Polish", Fact(card, "Language"));
        Assert.Equal("Standard", Fact(card, "Support plan"));
        Assert.Equal("2", Fact(card, "Open invoices"));
        Assert.Equal("Yes: 1 overdue", Fact(card, "Anything overdue"));
        Assert.Contains("chcemy dokupić 10 licencji Copilot dla zarządu", text, StringComparison.Ordinal);
        Assert.Contains("**Questions**: Buying more or upgrading (1), What I owe (1)", text, StringComparison.Ordinal);
        AssertNoAmounts(text, customer);
        await checks.AssertValidAsync(card);
        var recorded = await desk.Touchpoints.SinceAsync(customer.TenantId, SalesDesk.Start.AddDays(-1), CancellationToken.None);
        Assert.Single(recorded, p => p.Kind == TouchpointKind.SalesLead);
        Assert.Equal(["Balance", "Purchase"], recorded.Where(p => p.Kind == TouchpointKind.Question).Select(p => p.Topic).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Given_an_English_customer_with_nothing_overdue_When_they_ask_to_upgrade_Then_the_lead_card_says_so_in_the_agents_language()
    {
        var customer = await desk.NewCustomerAsync("Tailspin Toys B.V. " + Token(), "en-GB", 12);

        var replies = await desk.SayAsync(customer, customer.Primary, "We'd like to upgrade to Microsoft 365 E5, how do we do that?");

        Assert.Equal(SalesTexts.For(BotCulture.English).Format("Lead_Passed", PartnerName), Assert.Single(replies).Text);
        var card = Assert.Single(desk.LeadCards(customer.Customer));
        AssertMentionsTheSalesAgents(card);
        Assert.Equal("English", Fact(card, "Language"));
        Assert.Equal("1", Fact(card, "Open invoices"));
        Assert.Equal("No", Fact(card, "Anything overdue"));
        Assert.Contains("We'd like to upgrade to Microsoft 365 E5, how do we do that?", BillingCardsTests.CardText(card), StringComparison.Ordinal);
        AssertNoAmounts(BillingCardsTests.CardText(card), customer);
        await checks.AssertValidAsync(card);
    }

    [Fact]
    public async Task Given_a_technical_contact_who_may_not_see_amounts_When_they_ask_to_buy_more_Then_the_request_still_goes_to_sales()
    {
        var customer = await desk.NewCustomerAsync("Litware Polska " + Token(), "pl-PL", -3);

        var replies = await desk.SayAsync(customer, customer.Technical, "potrzebujemy jeszcze pięciu licencji Teams Phone");

        Assert.Equal(SalesTexts.For(BotCulture.Polish).Format("Lead_Passed", PartnerName), Assert.Single(replies).Text);
        var card = Assert.Single(desk.LeadCards(customer.Customer));
        Assert.Equal(customer.Technical.Name, Fact(card, "Asked by"));
        Assert.Equal("Technical contact", Fact(card, "Contact role"));
        Assert.Equal("Yes: 1 overdue", Fact(card, "Anything overdue"));
        AssertNoAmounts(BillingCardsTests.CardText(card), customer);
    }

    [Fact]
    public async Task Given_an_unclear_price_question_When_the_customer_picks_buying_more_among_the_guesses_Then_the_lead_quotes_what_they_first_wrote()
    {
        var customer = await desk.NewCustomerAsync("Coho Winery " + Token(), "en-GB", 9);
        var label = BillingTexts.For(BotCulture.English)["Intent_Purchase"];

        var question = await desk.SayAsync(customer, customer.Primary, "how much are you charging for E5?");
        var replies = await desk.SayAsync(customer, customer.Primary, label);

        Assert.Contains(label, SeededConversation.Visible(Assert.Single(question)), StringComparison.Ordinal);
        Assert.Equal(SalesTexts.For(BotCulture.English).Format("Lead_Passed", PartnerName), Assert.Single(replies).Text);
        Assert.Contains("how much are you charging for E5?", BillingCardsTests.CardText(Assert.Single(desk.LeadCards(customer.Customer))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_two_customers_who_both_asked_When_each_asks_to_buy_more_Then_each_lead_card_holds_only_its_own_customer()
    {
        var first = await desk.NewCustomerAsync("Adventure Works " + Token(), "en-GB", -2);
        var second = await desk.NewCustomerAsync("Wingtip Toys " + Token(), "pl-PL", 5);
        await desk.SayAsync(second, second.Primary, "pokaż proszę listę moich faktur");
        await desk.SayAsync(second, second.Primary, "ile w tej chwili wynosi moje saldo?");
        await desk.SayAsync(first, first.Primary, "how much is my balance right now?");

        await desk.SayAsync(first, first.Primary, "we need 5 more Teams Phone licences");
        await desk.SayAsync(second, second.Primary, "chcemy dokupić 10 licencji Copilot dla zarządu");

        var firstText = BillingCardsTests.CardText(Assert.Single(desk.LeadCards(first.Customer)));
        var secondText = BillingCardsTests.CardText(Assert.Single(desk.LeadCards(second.Customer)));
        Assert.Contains("**Questions**: Buying more or upgrading (1), What I owe (1)", firstText, StringComparison.Ordinal);
        Assert.Contains("**Questions**: Buying more or upgrading (1), My invoices (1), What I owe (1)", secondText, StringComparison.Ordinal);
        foreach (var (text, other) in new[] { (firstText, second), (secondText, first) })
        {
            Assert.DoesNotContain(other.TenantId, text, StringComparison.Ordinal);
            Assert.DoesNotContain(other.Customer.Name, text, StringComparison.Ordinal);
            Assert.All(other.Customer.Contacts, c => Assert.DoesNotContain(c.Name, text, StringComparison.Ordinal));
            Assert.All(other.Customer.Contacts, c => Assert.DoesNotContain(c.ObjectId, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Given_someone_whose_tenant_is_not_a_customer_When_they_ask_to_buy_more_Then_they_get_the_unknown_customer_answer_and_no_lead()
    {
        var tenant = Guid.NewGuid().ToString();
        var person = Guid.NewGuid().ToString();

        var replies = await desk.SayAsync(tenant, person, "Jamie Doe", Activities.NewConversationId(), "we need 5 more Teams Phone licences", "en-US");

        var answer = Assert.Single(replies).Text!;
        Assert.StartsWith(BillingTexts.For(BotCulture.English).Format("UnknownTenant", PartnerName, "").Split('.')[0], answer, StringComparison.Ordinal);
        Assert.DoesNotContain(SalesDesk.SalesEmail, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(SalesDesk.CardsPostedTo(desk.Env, SalesDesk.SalesChannelId), c => BillingCardsTests.CardText(c).Contains(tenant, StringComparison.Ordinal));
        Assert.Empty(await desk.Touchpoints.SinceAsync(tenant, SalesDesk.Start.AddDays(-1), CancellationToken.None));
    }

    [Fact]
    public async Task Given_the_bot_is_not_in_the_agents_team_When_a_customer_asks_to_buy_more_Then_they_are_given_the_sales_contact_and_a_warning_is_logged()
    {
        await using var host = new BotHost(desk.Env.Azurite, settings: SalesDesk.Settings());
        using var http = host.CreateHttpClient();
        var contact = new BillingContact(Guid.NewGuid().ToString(), "Tomasz Wójcik", "tomasz@litware.example", BillingContactRole.Primary);
        var customer = new Customer(Guid.NewGuid().ToString(), "Litware S.A. " + Token(), "PLN", "pl-PL", "Europe/Warsaw", 21, SupportPlan.Basic, [contact]);
        await host.Services.GetRequiredService<ICustomerRepository>().UpsertAsync(customer, CancellationToken.None);
        var chat = Activities.NewConversationId();
        var message = Activities.Message(desk.Env.Channel.ServiceUrl, chat, "jak przejść na Business Premium?", "pl-PL");
        message["from"] = new JsonObject { ["id"] = "29:" + contact.ObjectId, ["name"] = contact.Name, ["aadObjectId"] = contact.ObjectId };
        message["conversation"]!["tenantId"] = customer.TenantId;
        message["channelData"]!["tenant"]!["id"] = customer.TenantId;

        using var response = await host.PostActivityAsync(http, message);

        Assert.True(response.IsSuccessStatusCode);
        var answer = Assert.Single(desk.Env.ActivitiesSentTo(chat)).Text;
        Assert.Equal(SalesTexts.For(BotCulture.Polish).Format("Lead_Unavailable", PartnerName, "E-mail: " + SalesDesk.SalesEmail), answer);
        Assert.Empty(SalesDesk.LeadCards(desk.Env, customer));
        Assert.Contains(host.Logs.Lines, l => l.Level == LogLevel.Warning && l.EventId.Id == 7512);
        Assert.Contains(host.Logs.Lines, l => l.Level == LogLevel.Warning && l.EventId.Id == 7002);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains("Business Premium", StringComparison.OrdinalIgnoreCase));
        var recorded = await host.Services.GetRequiredService<ITouchpoints>().SinceAsync(customer.TenantId, DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None);
        Assert.Single(recorded, p => p.Kind == TouchpointKind.SalesLead);
    }

    private static void AssertMentionsTheSalesAgents(AdaptiveCard card)
    {
        var mentions = card.MsTeams?.Entities ?? [];
        Assert.Equal(
            [(SalesDesk.SalesAgentObjectId, "<at>" + SalesDesk.SalesAgentName + "</at>"), (SalesDesk.SecondSalesAgentObjectId, "<at>" + SalesDesk.SecondSalesAgentName + "</at>")],
            mentions.Select(m => (m.Mentioned.Id, m.Text)).OrderBy(m => m.Text, StringComparer.Ordinal));
        var text = BillingCardsTests.CardText(card);
        Assert.All(mentions, m => Assert.Contains(m.Text, text, StringComparison.Ordinal));
        Assert.DoesNotContain(PartnerStaff.AdminName, text, StringComparison.Ordinal);
    }

    private static void AssertNoAmounts(string text, SalesCustomer customer)
    {
        Assert.DoesNotContain(customer.Customer.Currency, text, StringComparison.Ordinal);
        Assert.DoesNotContain("zł", text, StringComparison.Ordinal);
        Assert.All(customer.Invoices, i => Assert.DoesNotContain(i.Gross.Amount.ToString("N2", CultureInfo.GetCultureInfo(customer.Locale)), text, StringComparison.Ordinal));
    }

    private static string Fact(AdaptiveCard card, string title) =>
        card.Body.OfType<AdaptiveFactSet>().SelectMany(f => f.Facts).Single(f => f.Title == title).Value;

    private static string Token() => Guid.NewGuid().ToString("N")[..6];
}
