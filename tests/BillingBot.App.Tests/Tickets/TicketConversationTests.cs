using BillingBot.App.Escalations;
using BillingBot.App.Tests.Conversations;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Touchpoints;
using BillingBot.Billing.Understanding;
using static BillingBot.App.Tests.Conversations.BillingCardsTests;

namespace BillingBot.App.Tests.Tickets;

/// <summary>
/// A customer opens a ticket by chatting in Polish or English: the bot asks only what the message did not say, opens it
/// with the plan's response target, and the agents get its card; the customer asks where it stands at any time, and
/// sees only their own tenant's invoices and tickets. Driven over HTTP as Teams does, on Azurite.
/// </summary>
public sealed class TicketConversationTests(TicketWorld world) : IClassFixture<TicketWorld>
{
    [Fact]
    public async Task Given_a_Polish_customer_When_they_dispute_an_invoice_in_chat_Then_the_bot_asks_why_and_how_urgent_opens_the_ticket_and_the_agents_get_it()
    {
        var customer = await world.NewCustomerAsync("pl-PL", SupportPlan.Standard, 4);
        var invoice = customer.Invoices[0].Number;

        var why = await customer.Chat.AskAsync($"chcę złożyć reklamację faktury {invoice}");
        var urgency = await customer.Chat.AskAsync("Na fakturze jest 20 licencji Microsoft 365 Business Premium, a od listopada mamy tylko 10.");
        var summary = await customer.Chat.AskAsync("Wysoka");
        var opened = await customer.Chat.AskAsync("Tak");

        Assert.Contains($"Co jest nie tak z fakturą {invoice}?", why, StringComparison.Ordinal);
        Assert.Contains("Jak pilna jest sprawa?", urgency, StringComparison.Ordinal);
        Assert.Contains("Krytyczna", urgency, StringComparison.Ordinal);
        Assert.Contains("**Kategoria:** Reklamacja faktury", summary, StringComparison.Ordinal);
        Assert.Contains($"**Faktury:** {invoice}", summary, StringComparison.Ordinal);
        Assert.Contains("**Pilność:** Wysoka", summary, StringComparison.Ordinal);
        Assert.Contains("Czy mam je otworzyć?", summary, StringComparison.Ordinal);
        Assert.Contains($"Otworzyłem Twoje zgłoszenie **T-2026-0001**: Reklamacja faktury, {invoice}.", opened, StringComparison.Ordinal);
        Assert.Contains("Twój plan wsparcia Standard obiecuje pierwszą odpowiedź w ciągu 8 godzin, do 14 grudnia 2026, 17:00.", opened, StringComparison.Ordinal);
        Assert.Contains("Nasz zespół wsparcia jest teraz w pracy i ma już Twoje zgłoszenie.", opened, StringComparison.Ordinal);
        Assert.Contains($"Na czas reklamacji wstrzymujemy przypomnienia o płatności: {invoice}.", opened, StringComparison.Ordinal);

        var card = Assert.Single(world.CardsPosted(customer.TenantId, "T-2026-0001"));
        var text = CardText(card);
        Assert.Contains("Ticket T-2026-0001: Fabrikam Polska sp. z o.o.", text, StringComparison.Ordinal);
        Assert.Contains("Invoice dispute", text, StringComparison.Ordinal);
        Assert.Contains("High", text, StringComparison.Ordinal);
        Assert.Contains(invoice, text, StringComparison.Ordinal);
        Assert.Contains("Standard", text, StringComparison.Ordinal);
        Assert.Contains("14 December 2026, 17:00", text, StringComparison.Ordinal);
        Assert.Contains("od listopada mamy tylko 10", text, StringComparison.Ordinal);
        Assert.Contains("Opened by Anna Wiśniewska (Invoice dispute)", text, StringComparison.Ordinal);
        Assert.Equal([TicketVerbs.Start], TicketWorld.Verbs(card));

        var ticket = await world.OnlyTicketAsync(customer);
        Assert.Equal((TicketCategory.InvoiceDispute, TicketSeverity.High, "pl", customer.Primary.ObjectId), (ticket.Category, ticket.Severity, ticket.Language, ticket.OpenedByObjectId));
        Assert.Equal(invoice, Assert.Single((await world.Controls.ForCustomerAsync(customer.TenantId, CancellationToken.None)).DisputeHolds).InvoiceNumber);
        var touchpoints = await world.Touchpoints.SinceAsync(customer.TenantId, TicketWorld.Monday.AddDays(-1), CancellationToken.None);
        var touchpoint = Assert.Single(touchpoints, t => t.Kind == TouchpointKind.Ticket);
        // The answers given to the ticket's questions are not questions of their own (the description mentions licences).
        Assert.Equal([nameof(Intent.OpenEscalation)], touchpoints.Where(t => t.Kind == TouchpointKind.Question).Select(t => t.Topic));
        Assert.Equal((TouchpointKind.Ticket, "InvoiceDispute"), (touchpoint.Kind, touchpoint.Topic));
    }

    [Fact]
    public async Task Given_an_English_customer_When_they_open_a_ticket_Then_the_bot_asks_what_it_is_about_and_a_technical_problem_needs_no_invoice()
    {
        var customer = await world.NewCustomerAsync("en-GB", SupportPlan.Premium);

        var about = await customer.Chat.AskAsync("open a ticket");
        var describe = await customer.Chat.AskAsync("Technical problem");
        await customer.Chat.AskAsync("Since this morning nobody in our office can sign in to Teams, the desktop app shows error caa20004.");
        await customer.Chat.AskAsync("Critical");
        var opened = await customer.Chat.AskAsync("yes");

        Assert.Contains("What is the ticket about?", about, StringComparison.Ordinal);
        Assert.Contains("Billing question", about, StringComparison.Ordinal);
        Assert.Contains("Invoice dispute", about, StringComparison.Ordinal);
        Assert.Contains("Payment problem", about, StringComparison.Ordinal);
        Assert.Contains("Technical problem", about, StringComparison.Ordinal);
        Assert.Contains("Please describe the problem in a few sentences", describe, StringComparison.Ordinal);
        Assert.Contains("Your ticket **T-2026-0001** is open: Technical problem.", opened, StringComparison.Ordinal);
        Assert.Contains("Your Premium support plan promises a first response within 2 hours, by 14 December 2026, 11:00.", opened, StringComparison.Ordinal);
        Assert.Contains("Ask me \"status of T-2026-0001\" at any time.", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("reminders", opened, StringComparison.Ordinal);

        var ticket = await world.OnlyTicketAsync(customer);
        Assert.Equal((TicketCategory.TechnicalProblem, TicketSeverity.Critical, "en"), (ticket.Category, ticket.Severity, ticket.Language));
        Assert.Empty(ticket.InvoiceNumbers);
        Assert.Contains("caa20004", ticket.Description, StringComparison.Ordinal);
        Assert.Single(world.CardsPosted(customer.TenantId, ticket.Number));
    }

    [Fact]
    public async Task Given_a_message_that_says_enough_When_the_customer_disputes_Then_it_is_the_description_and_an_unanswered_urgency_is_normal()
    {
        var customer = await world.NewCustomerAsync("en-GB", SupportPlan.Standard, 2);
        var invoice = customer.Invoices[0].Number;

        var urgency = await customer.Chat.AskAsync($"I dispute invoice {invoice}, we were charged for twenty Copilot licences but we only ever ordered ten of them");
        var summary = await customer.Chat.AskAsync("hmm");
        await customer.Chat.AskAsync("yes");

        Assert.Contains("How urgent is it?", urgency, StringComparison.Ordinal);
        Assert.Contains("**Severity:** Normal", summary, StringComparison.Ordinal);
        var ticket = await world.OnlyTicketAsync(customer);
        Assert.Equal((TicketCategory.InvoiceDispute, TicketSeverity.Normal), (ticket.Category, ticket.Severity));
        Assert.Equal([invoice], ticket.InvoiceNumbers);
        Assert.StartsWith($"I dispute invoice {invoice}", ticket.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_dispute_of_another_tenant_s_invoice_Then_the_customer_is_told_they_see_only_their_own_invoices_and_picks_one_of_theirs()
    {
        var other = await world.NewCustomerAsync("pl-PL", SupportPlan.Standard, 3);
        var customer = await world.NewCustomerAsync("en-GB", SupportPlan.Standard, 5);
        var theirs = other.Invoices[0].Number;
        var own = customer.Invoices[0].Number;

        var notFound = await customer.Chat.AskAsync($"I want to dispute invoice {theirs}");
        var why = await customer.Chat.AskAsync(own);

        Assert.True(notFound.Contains($"I can't find invoice {theirs} among your organisation's invoices (Tailspin Toys B.V.). I can only see your own invoices", StringComparison.Ordinal), notFound);
        Assert.Contains("Which invoice do you dispute?", notFound, StringComparison.Ordinal);
        Assert.Contains(own, notFound, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs + "\n", notFound, StringComparison.Ordinal);
        Assert.Contains($"What is wrong with {own}?", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_billing_question_When_the_customer_names_no_invoice_Then_they_may_say_it_concerns_none()
    {
        var customer = await world.NewCustomerAsync("pl-PL", SupportPlan.Basic, 1);

        await customer.Chat.AskAsync("zgłoszenie");
        var which = await customer.Chat.AskAsync("Pytanie o rozliczenia");
        var describe = await customer.Chat.AskAsync("Żadnej");
        await customer.Chat.AskAsync("Chcemy przejść na fakturowanie roczne zamiast miesięcznego, jak to zrobić?");
        await customer.Chat.AskAsync("Niska");
        var opened = await customer.Chat.AskAsync("tak");

        Assert.Contains("Której faktury dotyczy zgłoszenie?", which, StringComparison.Ordinal);
        Assert.Contains(customer.Invoices[0].Number, which, StringComparison.Ordinal);
        Assert.Contains("Opisz, proszę, problem", describe, StringComparison.Ordinal);
        Assert.Contains("w ciągu 24 godzin", opened, StringComparison.Ordinal);
        var ticket = await world.OnlyTicketAsync(customer);
        Assert.Equal((TicketCategory.BillingQuestion, TicketSeverity.Low), (ticket.Category, ticket.Severity));
        Assert.Empty(ticket.InvoiceNumbers);
        Assert.Empty((await world.Controls.ForCustomerAsync(customer.TenantId, CancellationToken.None)).DisputeHolds);
    }

    [Fact]
    public async Task Given_a_ticket_being_described_When_the_customer_asks_for_help_or_cancels_Then_help_comes_with_the_question_again_and_cancel_opens_nothing()
    {
        var customer = await world.NewCustomerAsync("en-GB", SupportPlan.Standard, 2);

        await customer.Chat.AskAsync("open a ticket");
        var help = await customer.Chat.AskAsync("help");
        var cancelled = await customer.Chat.AskAsync("cancel");
        var balance = await customer.Chat.AskAsync("Technical problem");

        Assert.Contains("What is the ticket about?", help, StringComparison.Ordinal);
        Assert.Contains("OK, I've stopped that", cancelled, StringComparison.Ordinal);
        Assert.DoesNotContain("Please describe the problem", balance, StringComparison.Ordinal);
        Assert.Empty(await world.Tickets.ForCustomerAsync(customer.TenantId, CancellationToken.None));
    }

    [Fact]
    public async Task Given_the_bot_asks_what_the_ticket_is_about_When_the_customer_asks_something_else_Then_that_question_is_answered_and_no_ticket_opens()
    {
        var customer = await world.NewCustomerAsync("en-GB", SupportPlan.Standard, 2);

        await customer.Chat.AskAsync("I need to open a ticket");
        var answer = await customer.Chat.AskAsync("how much do I owe?");

        Assert.Contains("EUR", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Please pick one of the options", answer, StringComparison.Ordinal);
        Assert.Empty(await world.Tickets.ForCustomerAsync(customer.TenantId, CancellationToken.None));
    }

    [Fact]
    public async Task Given_a_vague_message_When_the_customer_picks_a_new_ticket_among_the_bot_s_guesses_Then_the_ticket_conversation_starts()
    {
        var customer = await world.NewCustomerAsync("pl-PL", SupportPlan.Standard, 2);

        var guesses = await customer.Chat.AskAsync("mam problem");
        var about = await customer.Chat.AskAsync("Nowe zgłoszenie");

        Assert.Contains("Nowe zgłoszenie", guesses, StringComparison.Ordinal);
        Assert.Contains("Czego dotyczy zgłoszenie?", about, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_summary_When_the_customer_says_no_Then_no_ticket_is_opened()
    {
        var customer = await world.NewCustomerAsync("pl-PL", SupportPlan.Standard, 2);

        await customer.Chat.AskAsync($"kwestionuję fakturę {customer.Invoices[0].Number}, naliczono nam licencje, których nigdy nie zamawialiśmy w tym miesiącu");
        await customer.Chat.AskAsync("Normalna");
        var no = await customer.Chat.AskAsync("Nie");

        Assert.Contains("Dobrze", no, StringComparison.Ordinal);
        Assert.Empty(await world.Tickets.ForCustomerAsync(customer.TenantId, CancellationToken.None));
        Assert.Empty((await world.Controls.ForCustomerAsync(customer.TenantId, CancellationToken.None)).DisputeHolds);
    }

    [Fact]
    public async Task A_customer_asks_for_their_tickets_and_another_tenant_s_number_is_not_found()
    {
        var other = await world.NewCustomerAsync("en-GB", SupportPlan.Standard);
        await world.Desk.OpenAsync(new TicketRequest(other.TenantId, other.Primary.ObjectId, TicketCategory.BillingQuestion, TicketSeverity.Normal, "Question about the monthly plan", []), CancellationToken.None);
        var otherTicket = await world.Desk.OpenAsync(new TicketRequest(other.TenantId, other.Primary.ObjectId, TicketCategory.BillingQuestion, TicketSeverity.Normal, "Question about the annual plan", []), CancellationToken.None);
        var customer = await world.NewCustomerAsync("pl-PL", SupportPlan.Standard, 2);

        var none = await customer.Chat.AskAsync("moje zgłoszenia");
        await world.Desk.OpenAsync(new TicketRequest(customer.TenantId, customer.Primary.ObjectId, TicketCategory.PaymentProblem, TicketSeverity.High, "Przelew wrócił", [customer.Invoices[0].Number]), "pl", CancellationToken.None);
        var mine = await customer.Chat.AskAsync("co z moim zgłoszeniem?");
        var theirs = await customer.Chat.AskAsync($"status zgłoszenia {otherTicket.Number}");
        var missing = await customer.Chat.AskAsync("status of t-2026-99");

        Assert.Contains("Nie masz żadnych zgłoszeń.", none, StringComparison.Ordinal);
        Assert.Contains($"**T-2026-0001** (Problem z płatnością, {customer.Invoices[0].Number}): **Nowe – czeka na konsultanta**.", mine, StringComparison.Ordinal);
        Assert.Contains("pierwszej odpowiedzi możesz się spodziewać do 14 grudnia 2026, 17:00", mine, StringComparison.Ordinal);
        Assert.Equal("T-2026-0002", otherTicket.Number);
        Assert.Contains("Nie znajduję zgłoszenia T-2026-0002 wśród zgłoszeń Twojej organizacji (Fabrikam Polska sp. z o.o.).", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("annual plan", theirs, StringComparison.Ordinal);
        Assert.Contains("T-2026-0099", missing, StringComparison.Ordinal);
    }
}
