using System.Net;
using System.Text.Json.Nodes;
using BillingBot.App.Escalations;
using BillingBot.App.Tests.Suspensions;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using static BillingBot.App.Tests.Conversations.BillingCardsTests;
using static BillingBot.App.Tests.Tickets.TicketWorld;

namespace BillingBot.App.Tests.Tickets;

/// <summary>
/// A ticket's life through the agents' card: take it, wait for the customer (who answers from their notice), escalate to
/// Microsoft by the proposed route, update Microsoft's status, resolve, close. The customer is told of each change in
/// their language and sees where it stands when they ask; only support agents act, two clicks at once change it once.
/// </summary>
public sealed class TicketLifecycleTests(TicketWorld world) : IClassFixture<TicketWorld>
{
    [Fact]
    public async Task A_Polish_dispute_goes_from_new_to_closed_through_Microsoft_and_the_customer_is_told_of_every_step_in_Polish()
    {
        var customer = await world.NewCustomerAsync("pl-PL", SupportPlan.Standard, 4);
        var invoice = customer.Invoices[0].Number;
        await OpenInChatAsync(customer, $"chcę złożyć reklamację faktury {invoice}, bo naliczono nam 20 licencji zamiast 10 zamówionych");
        var ticket = await world.OnlyTicketAsync(customer);

        // Jan takes it.
        var taken = await world.ClickAsync(TicketVerbs.Start, AgentObjectId, ticket);
        Assert.Contains("In progress: Jan Nowicki", CardText(taken.Card), StringComparison.Ordinal);
        Assert.Contains("Taken by Jan Nowicki", CardText(taken.Card), StringComparison.Ordinal);
        Assert.Equal([TicketVerbs.WaitForCustomer, TicketVerbs.Escalate, TicketVerbs.Resolve], Verbs(taken.Card));
        Assert.Equal(nameof(MicrosoftSupportRoute.CommercialCspSupport), ProposedRoute(taken.Card));
        Assert.Contains("Twoim zgłoszeniem zajmuje się teraz Jan Nowicki.", Last(customer, ticket), StringComparison.Ordinal);
        Assert.Contains("W toku", await customer.Chat.AskAsync("co z moim zgłoszeniem?"), StringComparison.Ordinal);
        Assert.Contains("Zajmuje się nim Jan Nowicki.", await customer.Chat.AskAsync($"jaki jest status zgłoszenia {ticket.Number}?"), StringComparison.Ordinal);
        Assert.Contains("In progress: Jan Nowicki", CardText(world.CurrentCard(customer.TenantId, ticket.Number)), StringComparison.Ordinal);

        // Jan needs the customer; they answer from the notice.
        var waiting = await world.ClickAsync(TicketVerbs.WaitForCustomer, AgentObjectId, ticket);
        Assert.Equal([TicketVerbs.Escalate, TicketVerbs.Resolve], Verbs(waiting.Card));
        var question = world.CardsSentTo(customer.Chat).Last();
        Assert.Contains("Jan Nowicki potrzebuje od Ciebie dodatkowych informacji", CardText(question), StringComparison.Ordinal);
        Assert.Contains("Czeka na Twoją odpowiedź", await customer.Chat.AskAsync($"jaki jest status zgłoszenia {ticket.Number}?"), StringComparison.Ordinal);
        var answered = new InvokeAnswer(HttpStatusCode.OK, (await customer.Chat.ExecuteAsync(TicketVerbs.Answer, new JsonObject
        {
            ["tenant"] = ticket.TenantId,
            ["ticket"] = ticket.Number,
            ["answer"] = "Zamawialiśmy 10 licencji, w załączeniu potwierdzenie zamówienia z 3 listopada.",
        }))!);
        Assert.Contains("Dziękujemy. Twoja odpowiedź trafiła do: Jan Nowicki.", CardText(answered.Card), StringComparison.Ordinal);
        Assert.Null(answered.Card.Actions);
        ticket = await world.TicketAsync(customer.TenantId, ticket.Number);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Contains(world.ThreadTexts(ticket), t => t.Contains("Anna Wiśniewska", StringComparison.Ordinal) && t.Contains("potwierdzenie zamówienia z 3 listopada", StringComparison.Ordinal));
        Assert.Contains("Anna Wiśniewska answered", CardText(world.CurrentCard(customer.TenantId, ticket.Number)), StringComparison.Ordinal);

        // Jan escalates to Microsoft by the route proposed for a commercial matter.
        var escalated = await world.ClickAsync(TicketVerbs.Escalate, AgentObjectId, ticket, new JsonObject
        {
            [TicketVerbs.RouteInput] = ProposedRoute(waiting.Card),
            [TicketVerbs.CaseNumberInput] = "2612140040001234",
            [TicketVerbs.MicrosoftStatusInput] = "Otwarta",
        });
        Assert.Contains("With Microsoft: CSP commercial support, case 2612140040001234", CardText(escalated.Card), StringComparison.Ordinal);
        Assert.Equal([TicketVerbs.UpdateMicrosoftStatus, TicketVerbs.Resolve], Verbs(escalated.Card));
        Assert.Contains("Przekazaliśmy Twoje zgłoszenie do Microsoft (wsparcie komercyjne CSP). Numer sprawy w Microsoft: 2612140040001234; status: Otwarta.", Last(customer, ticket), StringComparison.Ordinal);
        var status = await customer.Chat.AskAsync($"jaki jest status zgłoszenia {ticket.Number}?");
        Assert.Contains("Przekazane do Microsoft", status, StringComparison.Ordinal);
        Assert.Contains("Sprawa jest w Microsoft (wsparcie komercyjne CSP), numer sprawy 2612140040001234; ostatni status od Microsoft: Otwarta.", status, StringComparison.Ordinal);

        var updated = await world.ClickAsync(TicketVerbs.UpdateMicrosoftStatus, AgentObjectId, ticket, new JsonObject { [TicketVerbs.MicrosoftStatusInput] = "Korekta zatwierdzona" });
        Assert.Contains("Korekta zatwierdzona", CardText(updated.Card), StringComparison.Ordinal);
        Assert.Contains("Nowy status sprawy 2612140040001234 w Microsoft: Korekta zatwierdzona.", Last(customer, ticket), StringComparison.Ordinal);
        Assert.Contains("ostatni status od Microsoft: Korekta zatwierdzona", await customer.Chat.AskAsync("moje zgłoszenia"), StringComparison.Ordinal);

        // Resolved: dunning resumes; then closed.
        Assert.Single((await world.Controls.ForCustomerAsync(customer.TenantId, CancellationToken.None)).DisputeHolds);
        var resolved = await world.ClickAsync(TicketVerbs.Resolve, AgentObjectId, ticket);
        Assert.Contains("Resolved by Jan Nowicki", CardText(resolved.Card), StringComparison.Ordinal);
        Assert.Equal([TicketVerbs.Close], Verbs(resolved.Card));
        Assert.Contains("Twoje zgłoszenie zostało rozwiązane (konsultant: Jan Nowicki).", Last(customer, ticket), StringComparison.Ordinal);
        Assert.Contains($"Przypomnienia o płatności ({invoice}) zostaną wznowione.", Last(customer, ticket), StringComparison.Ordinal);
        Assert.Empty((await world.Controls.ForCustomerAsync(customer.TenantId, CancellationToken.None)).DisputeHolds);

        var closed = await world.ClickAsync(TicketVerbs.Close, AdminObjectId, ticket);
        Assert.Contains("Closed on", CardText(closed.Card), StringComparison.Ordinal);
        Assert.Empty(Verbs(closed.Card));
        Assert.Contains("Twoje zgłoszenie zostało zamknięte.", Last(customer, ticket), StringComparison.Ordinal);

        ticket = await world.TicketAsync(customer.TenantId, ticket.Number);
        Assert.Equal(
            [TicketEventKind.Opened, TicketEventKind.Started, TicketEventKind.WaitingForCustomer, TicketEventKind.CustomerAnswered, TicketEventKind.EscalatedToMicrosoft,
                TicketEventKind.MicrosoftStatusUpdated, TicketEventKind.Resolved, TicketEventKind.Closed],
            ticket.History.Select(e => e.Kind));
        Assert.Equal(6, world.NoticesTo(customer.Chat, ticket.Number).Count);
        Assert.Contains($"**{ticket.Number}** (Reklamacja faktury, {invoice}): **Zamknięte**.", await customer.Chat.AskAsync($"jaki jest status zgłoszenia {ticket.Number}?"), StringComparison.Ordinal);
        Assert.Contains("Closed on", CardText(world.CurrentCard(customer.TenantId, ticket.Number)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_technical_ticket_is_escalated_to_Partner_cloud_support_when_the_partner_has_no_paid_plan_and_the_customer_sees_it_is_with_Microsoft()
    {
        var customer = await world.NewCustomerAsync("en-GB", SupportPlan.Premium);
        var ticket = await OpenAsync(customer, TicketCategory.TechnicalProblem, "Teams sign-in fails with caa20004 for every user.");

        var taken = await world.ClickAsync(TicketVerbs.Start, AdminObjectId, ticket);
        Assert.Equal(nameof(MicrosoftSupportRoute.PartnerCloudSupport), ProposedRoute(taken.Card));
        await world.ClickAsync(TicketVerbs.Escalate, AdminObjectId, ticket, new JsonObject
        {
            [TicketVerbs.RouteInput] = ProposedRoute(taken.Card),
            [TicketVerbs.CaseNumberInput] = "2612140010009876",
            [TicketVerbs.MicrosoftStatusInput] = "Waiting for an engineer",
        });

        Assert.Contains($"{AdminName} has taken your ticket and is working on it.", world.NoticesTo(customer.Chat, ticket.Number)[0], StringComparison.Ordinal);
        Assert.Contains("We have taken your ticket to Microsoft (Partner cloud support). Microsoft's case number is 2612140010009876; its status: Waiting for an engineer.", Last(customer, ticket), StringComparison.Ordinal);
        var status = await customer.Chat.AskAsync("what's the status of my ticket?");
        Assert.Contains("**With Microsoft**", status, StringComparison.Ordinal);
        Assert.Contains("It is with Microsoft (Partner cloud support), case 2612140010009876; Microsoft's latest status: Waiting for an engineer.", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_is_not_a_support_agent_or_is_outside_the_partner_s_tenant_is_refused_politely_and_nothing_changes()
    {
        var customer = await world.NewCustomerAsync("pl-PL", SupportPlan.Standard);
        var ticket = await OpenAsync(customer, TicketCategory.BillingQuestion, "Pytanie o fakturę roczną");

        var sales = await world.ClickAsync(TicketVerbs.Start, SalesAgentObjectId, ticket);
        var stranger = await world.ClickAsync(TicketVerbs.Resolve, Guid.NewGuid().ToString(), ticket);
        var otherTenant = await world.ClickAsync(TicketVerbs.Start, AdminObjectId, ticket, tenantId: customer.TenantId);
        var salesRefresh = await world.ClickAsync(TicketVerbs.Refresh, SalesAgentObjectId, ticket, trigger: "automatic");

        Assert.Contains("only the partner's support agents can work on tickets. Nothing has changed.", sales.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing has changed", stranger.Message, StringComparison.Ordinal);
        Assert.Contains("works only in the partner's own Teams", otherTenant.Message, StringComparison.Ordinal);
        Assert.Contains("New: nobody has taken it yet", CardText(salesRefresh.Card), StringComparison.Ordinal);
        Assert.Null(salesRefresh.Card.Actions);
        var after = await world.TicketAsync(customer.TenantId, ticket.Number);
        Assert.Equal((TicketStatus.New, 1), (after.Status, after.History.Count));
        Assert.Empty(world.NoticesTo(customer.Chat, ticket.Number));
    }

    [Fact]
    public async Task Given_two_agents_who_take_a_ticket_at_once_Then_one_takes_it_both_see_who_did_and_the_customer_is_told_once()
    {
        var customer = await world.NewCustomerAsync("en-GB", SupportPlan.Standard);
        var ticket = await OpenAsync(customer, TicketCategory.PaymentProblem, "Our card payment was declined twice.");

        var answers = await Task.WhenAll(world.ClickAsync(TicketVerbs.Start, AdminObjectId, ticket), world.ClickAsync(TicketVerbs.Start, AgentObjectId, ticket));

        var after = await world.TicketAsync(customer.TenantId, ticket.Number);
        var started = Assert.Single(after.History, e => e.Kind == TicketEventKind.Started);
        Assert.All(answers, a => Assert.Contains("In progress: " + started.ByName, CardText(a.Card), StringComparison.Ordinal));
        Assert.Single(world.NoticesTo(customer.Chat, ticket.Number));
    }

    [Fact]
    public async Task Given_an_escalation_without_a_case_number_Then_the_agent_is_asked_for_it_and_nothing_changes()
    {
        var customer = await world.NewCustomerAsync("en-GB", SupportPlan.Standard);
        var ticket = await OpenAsync(customer, TicketCategory.BillingQuestion, "Why is there a second invoice this month?");
        await world.ClickAsync(TicketVerbs.Start, AgentObjectId, ticket);

        var missing = await world.ClickAsync(TicketVerbs.Escalate, AgentObjectId, ticket, new JsonObject
        {
            [TicketVerbs.RouteInput] = nameof(MicrosoftSupportRoute.CommercialCspSupport),
            [TicketVerbs.CaseNumberInput] = "  ",
            [TicketVerbs.MicrosoftStatusInput] = "Opened",
        });
        var unknownRoute = await world.ClickAsync(TicketVerbs.Escalate, AgentObjectId, ticket, new JsonObject
        {
            [TicketVerbs.RouteInput] = "FriendAtMicrosoft",
            [TicketVerbs.CaseNumberInput] = "123",
            [TicketVerbs.MicrosoftStatusInput] = "Opened",
        });

        Assert.Contains("Please enter the Microsoft case number and status", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing has changed", unknownRoute.Message, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.InProgress, (await world.TicketAsync(customer.TenantId, ticket.Number)).Status);
    }

    [Fact]
    public async Task Given_a_ticket_opened_for_someone_the_bot_cannot_reach_When_it_changes_Then_the_agents_are_asked_in_its_thread_to_tell_them()
    {
        var customer = await world.NewCustomerAsync("pl-PL", SupportPlan.Standard, 3);
        var request = new TicketRequest(customer.TenantId, customer.Billing.ObjectId, TicketCategory.InvoiceDispute, TicketSeverity.Normal, "Rozmowa z konsultantem poza godzinami pracy", [customer.Invoices[0].Number], "handoff-7");
        var ticket = await world.Desk.OpenAsync(request, CancellationToken.None);
        var again = await world.Desk.OpenAsync(request, CancellationToken.None);

        await world.ClickAsync(TicketVerbs.Start, AgentObjectId, ticket);

        Assert.Equal(ticket.Number, again.Number);
        Assert.Single(await world.Tickets.ForCustomerAsync(customer.TenantId, CancellationToken.None));
        ticket = await world.TicketAsync(customer.TenantId, ticket.Number);
        var note = Assert.Single(world.ThreadTexts(ticket));
        Assert.Contains($"I could not tell Karol Lis (ap@customer.example) in Teams that ticket {ticket.Number} is now: In progress.", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_new_ticket_past_its_response_target_When_an_agent_opens_its_card_Then_it_is_flagged_overdue()
    {
        var customer = await world.NewCustomerAsync("en-GB", SupportPlan.Premium);
        var ticket = await OpenAsync(customer, TicketCategory.BillingQuestion, "Please send the invoice as PDF again.");

        var onTime = await world.ClickAsync(TicketVerbs.Refresh, AgentObjectId, ticket, trigger: "automatic");
        world.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var late = await world.ClickAsync(TicketVerbs.Refresh, AgentObjectId, ticket, trigger: "automatic");

        Assert.DoesNotContain("OVERDUE", CardText(onTime.Card), StringComparison.Ordinal);
        Assert.Contains("(OVERDUE)", CardText(late.Card), StringComparison.Ordinal);
        Assert.Contains("The first response was due by", CardText(late.Card), StringComparison.Ordinal);
        Assert.Equal([TicketVerbs.Start], Verbs(late.Card));
    }

    /// <summary>The customer says hello (so the bot knows their chat), then a ticket is opened for them as the chat would.</summary>
    private async Task<Ticket> OpenAsync(TicketCustomer customer, TicketCategory category, string description)
    {
        await customer.Chat.AskAsync(customer.Customer.Locale.StartsWith("pl", StringComparison.Ordinal) ? "dzień dobry" : "hello");
        return await world.Desk.OpenAsync(new TicketRequest(customer.TenantId, customer.Primary.ObjectId, category, TicketSeverity.Normal, description, []),
            customer.Customer.Locale[..2], CancellationToken.None);
    }

    private static async Task OpenInChatAsync(TicketCustomer customer, string message)
    {
        await customer.Chat.AskAsync(message);
        await customer.Chat.AskAsync(customer.Customer.Locale.StartsWith("pl", StringComparison.Ordinal) ? "Normalna" : "Normal");
        await customer.Chat.AskAsync(customer.Customer.Locale.StartsWith("pl", StringComparison.Ordinal) ? "Tak" : "Yes");
    }

    private string Last(TicketCustomer customer, Ticket ticket) => world.NoticesTo(customer.Chat, ticket.Number)[^1];
}
