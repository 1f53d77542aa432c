using System.Globalization;
using BillingBot.App.Bot;
using BillingBot.App.Conversations;
using BillingBot.App.Resources;
using BillingBot.App.Tests.Conversations;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Support;
using BillingBot.Billing.Touchpoints;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Cards;
using BillingBot.TestKit.Channel;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Sales;

/// <summary>
/// "summary Contoso" / "podsumowanie Contoso": any of the partner's staff gets a card of what a customer asked, the
/// hand-offs, tickets, reminders and sales leads of the last 90 days, counted as they happened.
/// </summary>
public sealed class TouchpointSummaryTests(SalesDesk desk, AdaptiveCardChecks checks) : IClassFixture<SalesDesk>, IClassFixture<AdaptiveCardChecks>
{
    private const string PartnerName = "Contoso Cloud";
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    [Fact]
    public async Task Given_a_Polish_customer_who_asked_four_times_and_got_reminders_When_an_admin_asks_for_its_summary_without_diacritics_Then_the_Polish_card_counts_them_most_first()
    {
        var token = Token();
        var customer = await desk.NewCustomerAsync($"Spółdzielnia Mleczarska Łąka {token}", "pl-PL", 0, 20);
        await desk.SayAsync(customer, customer.Primary, "ile w tej chwili wynosi moje saldo?");
        await desk.SayAsync(customer, customer.Primary, "ile jestem winien?");
        await desk.SayAsync(customer, customer.Primary, "pokaż proszę listę moich faktur");
        await desk.SayAsync(customer, customer.Technical, "chcemy dokupić 10 licencji Copilot dla zarządu");
        var before = desk.Env.Channel.Requests.Count;
        await desk.SweepRemindersAsync();
        var reminders = MessagesTo(customer, desk.Env.Channel.Requests.Skip(before));

        var card = await SummaryAsync($"podsumowanie SPOLDZIELNIA mleczarska laka {token.ToUpperInvariant()}", "pl-PL");

        Assert.True(reminders > 0, "The sweep sent no reminder on the due date.");
        var f = Format("pl-PL");
        Assert.Equal($"Kontakty z klientem: {customer.Customer.Name}", Title(card));
        Assert.Contains(Period(f, desk.Time.GetUtcNow()), Texts(card));
        Assert.Equal([("Ile jestem winien", "2"), ("Moje faktury", "1"), ("Zakup lub zmiana planu", "1")], Section(card, "Zadane pytania: 4"));
        Assert.Empty(Section(card, "Przekazania do konsultanta: 0"));
        Assert.Empty(Section(card, "Założone zgłoszenia: 0"));
        Assert.Equal([("W dniu terminu płatności", reminders.ToString(CultureInfo.InvariantCulture))], Section(card, $"Wysłane przypomnienia: {reminders}"));
        Assert.Contains("Zapytania sprzedażowe: 1", Texts(card));
        Assert.Contains($"Ostatnie: {f.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(desk.Time.GetUtcNow(), Warsaw).DateTime))}", Texts(card));
        await checks.AssertValidAsync(card);
    }

    [Fact]
    public async Task Given_an_English_customer_with_a_hand_off_and_tickets_When_a_sales_agent_asks_in_the_sales_channel_Then_the_card_shows_them_by_topic_and_category()
    {
        var token = Token();
        var customer = await desk.NewCustomerAsync($"Tailspin Toys {token}", "en-GB", 8);
        await desk.SayAsync(customer, customer.Primary, "how much is my balance right now?");
        await desk.SayAsync(customer, customer.Primary, "list all of my invoices please");
        // What the hand-off and ticket code record when a customer asks for a person or opens a ticket.
        await desk.Touchpoints.RecordAsync(new Touchpoint(customer.TenantId, TouchpointKind.Handoff, "TalkToPerson", desk.Time.GetUtcNow()), CancellationToken.None);
        var tickets = desk.Host.Services.GetRequiredService<ITickets>();
        var offer = desk.Host.Services.GetRequiredService<SupportOffer>();
        await tickets.OpenAsync(Ticket.Open(customer.TenantId, "T-1", TicketCategory.Licensing, TicketSeverity.Normal, "Licences", [], customer.Customer.SupportPlan, offer, customer.Primary.ObjectId, desk.Time.GetUtcNow()), CancellationToken.None);
        await tickets.OpenAsync(Ticket.Open(customer.TenantId, "T-2", TicketCategory.InvoiceDispute, TicketSeverity.High, "Wrong invoice", [customer.Invoices[0].Number], customer.Customer.SupportPlan, offer, customer.Primary.ObjectId, desk.Time.GetUtcNow()), CancellationToken.None);
        var agent = new StaffMember(PartnerStaff.AgentObjectId, "Jan Nowicki", [StaffRole.SupportAgent]);
        await tickets.UpdateAsync(customer.TenantId, "T-2", t => t.Start(agent, desk.Time.GetUtcNow()).Resolve(agent, desk.Time.GetUtcNow()).Close(agent, desk.Time.GetUtcNow()), CancellationToken.None);

        var replies = await desk.PostInSalesChannelAsync(SalesDesk.SecondSalesAgentObjectId, SalesDesk.SecondSalesAgentName, $"summary tailspin toys {token}");

        var card = Assert.Single(replies.Select(SeededConversation.CardOf).OfType<AdaptiveCard>());
        Assert.Equal($"Touchpoints: {customer.Customer.Name}", Title(card));
        Assert.Contains(Period(Format("en-US"), desk.Time.GetUtcNow()), Texts(card));
        Assert.Equal([("My invoices", "1"), ("What I owe", "1")], Section(card, "Questions asked: 2"));
        Assert.Equal([("Talk to a person", "1")], Section(card, "Hand-offs to a person: 1"));
        Assert.Contains("Tickets opened: 2", Texts(card));
        Assert.Equal([["Category", "Open", "Closed"], ["Invoice dispute", "0", "1"], ["Licensing", "1", "0"]], TableRows(card));
        Assert.Empty(Section(card, "Reminders sent: 0"));
        Assert.Contains("Sales leads: 0", Texts(card));
        Assert.Equal(customer.TenantId, card.Body.OfType<AdaptiveFactSet>().First().Facts.Single(x => x.Title == "Tenant").Value);
        await checks.AssertValidAsync(card);
    }

    [Fact]
    public async Task Given_two_customers_whose_names_both_match_When_asked_Then_the_staff_member_is_asked_which_and_a_tenant_id_or_exact_name_settles_it()
    {
        var token = Token();
        var polish = await desk.NewCustomerAsync($"Northwind {token} Polska", "pl-PL", 10);
        var german = await desk.NewCustomerAsync($"Northwind {token} GmbH", "en-GB", 10);
        var exact = await desk.NewCustomerAsync($"Northwind {token}", "en-GB", 10);

        var ambiguous = await StaffSaysAsync($"summary orthwind {token} ", "en-US");
        var byTenant = await StaffSaysAsync($"summary {german.TenantId}", "en-US");
        var byExactName = await StaffSaysAsync($"summary NORTHWIND {token}", "en-US");

        var question = Assert.Single(ambiguous).Text!;
        Assert.Null(SeededConversation.CardOf(Assert.Single(ambiguous)));
        Assert.Contains($"{polish.Customer.Name} (tenant {polish.TenantId})", question, StringComparison.Ordinal);
        Assert.Contains($"{german.Customer.Name} (tenant {german.TenantId})", question, StringComparison.Ordinal);
        Assert.Contains($"{exact.Customer.Name} (tenant {exact.TenantId})", question, StringComparison.Ordinal);
        Assert.Equal($"Touchpoints: {german.Customer.Name}", Title(SeededConversation.CardOf(Assert.Single(byTenant))!));
        Assert.Equal($"Touchpoints: {exact.Customer.Name}", Title(SeededConversation.CardOf(Assert.Single(byExactName))!));
    }

    [Fact]
    public async Task Given_no_customer_matches_or_no_name_is_given_When_asked_Then_the_staff_member_is_told_so_in_their_language()
    {
        var unknown = "Nieistniejąca Firma " + Token();

        var none = await StaffSaysAsync($"podsumowanie {unknown}", "pl-PL");
        var bare = await StaffSaysAsync("summary", "en-US");

        Assert.Equal(SalesTexts.For(BotCulture.Polish).Format("Summary_NotFound", unknown), Assert.Single(none).Text);
        Assert.Equal(SalesTexts.For(BotCulture.English)["Summary_AskWho"], Assert.Single(bare).Text);
    }

    [Fact]
    public async Task Given_someone_not_on_the_staff_list_When_they_ask_for_a_summary_in_the_sales_channel_Then_they_are_refused_and_see_no_card()
    {
        var customer = await desk.NewCustomerAsync($"Fourth Coffee {Token()}", "en-GB", 10);
        await desk.SayAsync(customer, customer.Primary, "how much is my balance right now?");

        var replies = await desk.PostInSalesChannelAsync(Guid.NewGuid().ToString(), "Mallory Stone", "summary " + customer.Customer.Name);

        Assert.Equal(StaffTexts.For(BotCulture.English).Format("Desk_NotStaff", PartnerName), Assert.Single(replies).Text);
        Assert.DoesNotContain(replies, r => SeededConversation.CardOf(r) is not null);
    }

    [Fact]
    public async Task Given_questions_asked_over_three_months_When_a_summary_is_asked_Then_only_the_last_90_days_count()
    {
        var token = Token();
        var customer = await desk.NewCustomerAsync($"Graphic Design Institute {token}", "en-GB", 10);
        await desk.SayAsync(customer, customer.Primary, "how much is my balance right now?");
        await desk.SayAsync(customer, customer.Primary, "list all of my invoices please");
        desk.Time.Advance(TimeSpan.FromDays(63));
        await desk.SayAsync(customer, customer.Primary, "list all of my invoices please");

        var within = await SummaryAsync($"summary graphic design institute {token}", "en-US");
        desk.Time.Advance(TimeSpan.FromDays(28));
        var later = await SummaryAsync($"summary graphic design institute {token}", "en-US");

        Assert.Equal([("My invoices", "2"), ("What I owe", "1")], Section(within, "Questions asked: 3"));
        Assert.Equal([("My invoices", "1")], Section(later, "Questions asked: 1"));
        Assert.Contains(Period(Format("en-US"), desk.Time.GetUtcNow()), Texts(later));
    }

    [Fact]
    public async Task Given_a_staff_member_asks_for_help_Then_the_summary_command_is_listed()
    {
        var replies = await StaffSaysAsync("help", "en-US");

        Assert.Contains(SalesTexts.For(BotCulture.English).Format("Summary_Usage", 90), Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    private async Task<AdaptiveCard> SummaryAsync(string text, string locale)
    {
        var replies = await StaffSaysAsync(text, locale);
        return Assert.Single(replies.Select(SeededConversation.CardOf).OfType<AdaptiveCard>());
    }

    /// <summary>The billing admin writes in their personal chat with the bot, in the partner's tenant.</summary>
    private Task<IReadOnlyList<Activity>> StaffSaysAsync(string text, string locale) =>
        desk.SayAsync(PartnerStaff.PartnerTenant, PartnerStaff.AdminObjectId, PartnerStaff.AdminName, Activities.NewConversationId(), text, locale);

    /// <summary>The messages the bot sent to the customer's people (in their chats, new ones included) among some requests.</summary>
    private static int MessagesTo(SalesCustomer customer, IEnumerable<ReceivedRequest> requests) =>
        requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal)
            && r.Body?["recipient"]?["id"]?.GetValue<string>() is { } to
            && customer.Customer.Contacts.Any(c => to.EndsWith(c.ObjectId, StringComparison.OrdinalIgnoreCase)));

    private static BillingFormat Format(string culture) => new(BillingTexts.For(CultureInfo.GetCultureInfo(culture)));

    private static string Period(BillingFormat f, DateTimeOffset now)
    {
        string Day(DateTimeOffset at) => f.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Warsaw).DateTime));
        return SalesTexts.For(f.Culture).Format("Summary_Period", Day(now.AddDays(-90)), Day(now), 90);
    }

    private static string Title(AdaptiveCard card) => ((AdaptiveTextBlock)card.Body[0]).Text;

    private static IReadOnlyList<string> Texts(AdaptiveCard card) => [.. card.Body.OfType<AdaptiveTextBlock>().Select(b => b.Text)];

    /// <summary>The facts listed under a heading, in order; empty when the heading has none.</summary>
    private static IReadOnlyList<(string, string)> Section(AdaptiveCard card, string heading)
    {
        var at = card.Body.ToList().FindIndex(e => e is AdaptiveTextBlock block && block.Text == heading);
        Assert.True(at >= 0, $"No heading '{heading}' in: {string.Join(" | ", Texts(card))}");
        return at + 1 < card.Body.Count && card.Body[at + 1] is AdaptiveFactSet facts ? [.. facts.Facts.Select(x => (x.Title, x.Value))] : [];
    }

    private static IReadOnlyList<IReadOnlyList<string>> TableRows(AdaptiveCard card) =>
        [.. (Assert.Single(card.Body.OfType<AdaptiveTable>()).Rows ?? []).Select(r => (IReadOnlyList<string>)[.. r.Cells.Select(c => ((AdaptiveTextBlock)c.Items[0]).Text)])];

    private static string Token() => Guid.NewGuid().ToString("N")[..6];
}
