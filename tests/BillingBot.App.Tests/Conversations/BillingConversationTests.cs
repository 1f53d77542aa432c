using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.App.Commands.Seed;
using BillingBot.App.Conversations;
using BillingBot.App.Resources;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Conversations;

/// <summary>
/// A customer asks billing questions in Polish and in English and gets answers from their own seeded data. Expected
/// figures are computed from the stored invoices, never written into the test.
/// </summary>
public sealed class BillingConversationTests(SeededConversation app) : IClassFixture<SeededConversation>
{
    private const string Fabrikam = DemoData.PlaygroundTenantId;
    private const string Alex = DemoData.PlaygroundUserObjectId;          // Fabrikam's primary billing contact
    private const string Piotr = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"; // Fabrikam's technical contact: no amounts
    private const string WideWorld = "4b7e1d3a-9c2f-4a8e-b6d1-5f3c9e7a2b80";
    private const string Jonas = "2a4c6e8f-0b1d-4e3f-9a5c-7e9f1b3d5a7c";

    private static readonly BillingFormat Polish = new(BillingTexts.For(CultureInfo.GetCultureInfo("pl-PL")));
    private static readonly BillingFormat English = new(BillingTexts.For(CultureInfo.GetCultureInfo("en-US")));
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData("czy faktura FV/2026/10/017 jest opłacona?", "pl")]
    [InlineData("czy faktura fv 2026 10 17 jest oplacona", "pl")]
    [InlineData("is invoice FV/2026/10/017 paid?", "en")]
    public async Task Asking_about_an_invoice_by_number_shows_its_status_card(string question, string language)
    {
        var invoice = await InvoiceAsync(Fabrikam, DemoData.ShowcaseInvoiceNumber);
        var format = language == "pl" ? Polish : English;

        var reply = Assert.Single(await app.NewChat(Fabrikam, Alex).SayAsync(question));

        var card = SeededConversation.CardOf(reply);
        Assert.NotNull(card);
        var shown = SeededConversation.Visible(reply);
        Assert.Contains(format.Texts.Format("Card_Invoice", invoice.Number), shown, StringComparison.Ordinal);
        Assert.Contains(format.Texts["Status_" + invoice.StatusOn(Today)], shown, StringComparison.Ordinal);
        Assert.Contains(format.Money(invoice.Outstanding), shown, StringComparison.Ordinal);
        Assert.Contains(format.Date(invoice.DueDate), shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jaki jest status mojej faktury?", "O którą fakturę chodzi?")]
    [InlineData("what's the status of my invoice?", "Which invoice do you mean?")]
    public async Task Asking_about_an_invoice_without_a_number_offers_the_likely_invoices_as_buttons(string question, string ask)
    {
        var chat = app.NewChat(Fabrikam, Alex);

        var offer = Assert.Single(await chat.SayAsync(question));
        var hero = HeroOf(offer);
        Assert.StartsWith(ask, hero.Text, StringComparison.Ordinal);
        var first = hero.Buttons![0];
        Assert.Equal(ActionTypes.ImBack, first.Type);

        var number = first.Value!.ToString()!;
        var answer = Assert.Single(await chat.SayAsync(number));
        Assert.Contains(number, SeededConversation.Visible(answer), StringComparison.Ordinal);
        Assert.NotNull(SeededConversation.CardOf(answer));
    }

    [Fact]
    public async Task Typing_an_invoice_number_instead_of_clicking_still_shows_that_invoice()
    {
        var chat = app.NewChat(Fabrikam, Alex);
        var older = (await app.Invoices.ListForCustomerAsync(Fabrikam, default)).Last();
        await chat.SayAsync("status faktury");

        var answer = await chat.AskAsync(older.Number.ToLowerInvariant());

        Assert.Contains("Faktura " + older.Number, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ile jestem winien?", "pl")]
    [InlineData("ile mam do zaplaty", "pl")]
    [InlineData("how much do I owe?", "en")]
    public async Task Asking_what_they_owe_gives_the_total_and_overdue_amounts_and_the_account_card(string question, string language)
    {
        var standing = await StandingAsync(Fabrikam);
        var format = language == "pl" ? Polish : English;

        var replies = await app.NewChat(Fabrikam, Alex).SayAsync(question);

        Assert.Equal(2, replies.Count);
        Assert.Contains(format.Money(standing.TotalDue.Single()), replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(format.Money(standing.OverdueTotal.Single()), replies[0].Text, StringComparison.Ordinal);
        var card = SeededConversation.Visible(replies[1]);
        Assert.Contains(format.Texts.Format("Card_AccountTitle", "Contoso Cloud"), card, StringComparison.Ordinal);
        Assert.Contains(format.Date(standing.NextDue!.DueDate), card, StringComparison.Ordinal);
        foreach (var recent in standing.Invoices.Take(6))
        {
            Assert.Contains(recent.Number, card, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_English_customer_sees_euros_in_their_balance()
    {
        var standing = await StandingAsync(WideWorld);

        var answer = await app.NewChat(WideWorld, Jonas).AskAsync("what's my balance?");

        Assert.Contains(English.Money(standing.TotalDue.Single()), answer, StringComparison.Ordinal);
        Assert.StartsWith("EUR", English.Money(standing.TotalDue.Single()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pokaż moje faktury", "Twoje faktury")]
    [InlineData("show me my invoices", "Your invoices")]
    public async Task Listing_invoices_shows_the_latest_ones_newest_first(string question, string title)
    {
        var invoices = await app.Invoices.ListForCustomerAsync(Fabrikam, default);

        var answer = await app.NewChat(Fabrikam, Alex).AskAsync(question);

        Assert.Contains(title, answer, StringComparison.Ordinal);
        var shown = invoices.Take(12).Select(i => answer.IndexOf(i.Number, StringComparison.Ordinal)).ToList();
        Assert.All(shown, position => Assert.True(position >= 0));
        Assert.Equal(shown.Order(), shown);
        Assert.DoesNotContain(invoices[^1].Number, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("do kiedy muszę zapłacić?", "pl")]
    [InlineData("when is my payment due?", "en")]
    public async Task Asking_when_it_is_due_names_the_next_due_invoice_and_what_is_overdue(string question, string language)
    {
        var standing = await StandingAsync(Fabrikam);
        var format = language == "pl" ? Polish : English;

        var answer = await app.NewChat(Fabrikam, Alex).AskAsync(question);

        Assert.Contains(standing.NextDue!.Number, answer, StringComparison.Ordinal);
        Assert.Contains(format.Date(standing.NextDue.DueDate), answer, StringComparison.Ordinal);
        Assert.Contains(standing.MostUrgent!.Number, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jak mogę zapłacić?", "W tytule przelewu")]
    [InlineData("how do I pay?", "transfer title")]
    public async Task Asking_how_to_pay_gives_the_bank_account_and_the_invoice_to_put_in_the_title(string question, string phrase)
    {
        var standing = await StandingAsync(Fabrikam);

        var answer = await app.NewChat(Fabrikam, Alex).AskAsync(question);

        Assert.Contains("PL61 1090 1014 0000 0712 1981 2874", answer, StringComparison.Ordinal);
        Assert.Contains(phrase, answer, StringComparison.Ordinal);
        Assert.Contains(standing.MostUrgent!.Number, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("co się stanie, jeśli nie zapłacę faktury FV/2026/10/017?", "pl", "może zostać zawieszony od ")]
    [InlineData("what happens if I don't pay invoice FV/2026/10/017?", "en", "may be suspended from ")]
    public async Task Asking_what_happens_without_payment_gives_the_policy_with_the_invoices_real_dates(string question, string language, string phrase)
    {
        var invoice = await InvoiceAsync(Fabrikam, DemoData.ShowcaseInvoiceNumber);
        var format = language == "pl" ? Polish : English;

        var answer = await app.NewChat(Fabrikam, Alex).AskAsync(question);

        Assert.Contains(phrase + format.Date(app.Policy.SuspensionDate(invoice.DueDate)), answer, StringComparison.Ordinal);
        Assert.Contains(format.Date(invoice.DueDate), answer, StringComparison.Ordinal);
        Assert.Contains(format.Days(app.Policy.SuspensionAfterDays), answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("czy mój dostęp jest zagrożony?", "pl")]
    [InlineData("is my access at risk?", "en")]
    public async Task Asking_whether_access_is_at_risk_names_the_invoice_and_the_suspension_date(string question, string language)
    {
        var standing = await StandingAsync(Fabrikam);
        var format = language == "pl" ? Polish : English;

        var answer = await app.NewChat(Fabrikam, Alex).AskAsync(question);

        Assert.Contains(standing.MostUrgent!.Number, answer, StringComparison.Ordinal);
        Assert.Contains(standing.IsSuspendable ? format.Days(app.Policy.SuspensionAfterDays) : format.Date(standing.SuspensionDate!.Value), answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jakie są godziny wsparcia i ile to kosztuje?", "Godziny obsługi", "Plany i cennik")]
    [InlineData("what are your support hours and prices?", "Support hours", "Plans and prices")]
    public async Task Asking_about_support_shows_the_published_offer_with_the_customers_plan(string question, string hours, string prices)
    {
        var customer = await app.Customers.FindAsync(Fabrikam, default);
        var format = question.StartsWith("jakie", StringComparison.Ordinal) ? Polish : English;

        var answer = await app.NewChat(Fabrikam, Alex).AskAsync(question);

        Assert.Contains(hours, answer, StringComparison.Ordinal);
        Assert.Contains(prices, answer, StringComparison.Ordinal);
        Assert.Contains("billing@contoso.example", answer, StringComparison.Ordinal);
        Assert.Contains(format.Texts.Format("Card_SupportYourPlan", format.Texts["Plan_" + customer!.SupportPlan]), answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kiedy wystawiacie faktury?", "okres rozliczeniowy")]
    [InlineData("when am I invoiced?", "billing period")]
    public async Task Asking_about_the_billing_period_gives_the_current_period_and_payment_term(string question, string phrase)
    {
        var customer = await app.Customers.FindAsync(Fabrikam, default);

        var answer = await app.NewChat(Fabrikam, Alex).AskAsync(question);

        Assert.Contains(phrase, answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(customer!.PaymentTermDays.ToString(CultureInfo.InvariantCulture), answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dlaczego moja ostatnia faktura jest wyższa?", "pl")]
    [InlineData("why did my invoice change?", "en")]
    public async Task Asking_why_the_invoice_changed_compares_it_with_the_previous_one(string question, string language)
    {
        var invoices = (await app.Invoices.ListForCustomerAsync(Fabrikam, default))
            .Where(i => i.Status != InvoiceStatus.Cancelled)
            .OrderByDescending(i => i.Period.Start).ThenByDescending(i => i.Number, StringComparer.Ordinal).ToList();
        var previous = invoices.First(i => i.Period.Start < invoices[0].Period.Start);
        var format = language == "pl" ? Polish : English;

        var answer = await app.NewChat(Fabrikam, Alex).AskAsync(question);

        Assert.Contains(invoices[0].Number, answer, StringComparison.Ordinal);
        Assert.Contains(previous.Number, answer, StringComparison.Ordinal);
        if (invoices[0].Gross != previous.Gross)
        {
            var difference = invoices[0].Gross - previous.Gross;
            Assert.Contains(format.Money(difference.IsNegative ? -difference : difference), answer, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("chcę zgłosić problem do Microsoftu", "Czego dotyczy zgłoszenie?")]
    [InlineData("I need to open a case with Microsoft", "What is the ticket about?")]
    [InlineData("jaki jest status mojego zgłoszenia?", "Nie masz żadnych zgłoszeń.")]
    [InlineData("what's the status of my ticket?", "You have no tickets.")]
    [InlineData("chcę zmienić przypomnienia o płatnościach", "Przypominamy 7 dni i 1 dzień przed terminem płatności")]
    [InlineData("stop sending me payment reminders", "Which invoice should I stop reminding you about?")]
    [InlineData("dzień dobry", "W czym mogę pomóc")]
    [InlineData("hello", "How can I help")]
    [InlineData("dzięki", "Proszę bardzo")]
    [InlineData("thanks!", "You're welcome")]
    [InlineData("pomoc", "Oto, o co możesz mnie zapytać")]
    [InlineData("help", "Here is what you can ask me")]
    [InlineData("help", "\"open a ticket\" – a ticket for our team")]
    [InlineData("pomoc", "przekażę prośbę naszemu zespołowi sprzedaży")]
    public async Task Every_other_intent_gets_its_answer_in_the_language_of_the_message(string question, string expected)
    {
        var answer = await app.NewChat(Fabrikam, Alex, locale: "en-US").AskAsync(question);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chcę porozmawiać z człowiekiem", "Nie mogę teraz dotrzeć do zespołu wsparcia w Teams", "w zgłoszenie T-2026-")]
    [InlineData("I want to talk to a person", "I can't reach our support team in Teams right now", "into ticket T-2026-")]
    public async Task Asking_for_a_person_with_no_agents_channel_in_reach_turns_the_request_into_a_ticket_in_the_language_of_the_message(string question, string expected, string ticket)
    {
        // Wide World Importers: the other tests here ask Fabrikam's tickets, which these would change.
        var answer = await app.NewChat(WideWorld, Jonas, locale: "en-US").AskAsync(question);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
        Assert.Contains(ticket, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_is_not_a_billing_contact_sees_counts_and_statuses_but_no_amounts()
    {
        var standing = await StandingAsync(Fabrikam);

        var replies = await app.NewChat(Fabrikam, Piotr).SayAsync("ile jestem winien?");

        var answer = string.Join("\n", replies.Select(SeededConversation.Visible));
        Assert.Contains(Polish.Texts.Format("BalanceNoAmounts", standing.Unpaid.Count, standing.Overdue.Count), answer, StringComparison.Ordinal);
        Assert.DoesNotContain("zł", answer, StringComparison.Ordinal);
        Assert.Contains(standing.Invoices[0].Number, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ile jestem winien?", "Nie znajduję konta rozliczeniowego")]
    [InlineData("is invoice FV/2026/10/017 paid?", "I can't find a billing account")]
    public async Task A_tenant_that_is_not_a_customer_gets_a_polite_answer_with_the_support_contact(string question, string expected)
    {
        var answer = await app.NewChat(Guid.NewGuid().ToString(), Guid.NewGuid().ToString()).AskAsync(question);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
        Assert.Contains("billing@contoso.example", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("FV/2026/10/017:", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_invoice_number_is_named_and_nothing_else_is_shown()
    {
        var answer = await app.NewChat(Fabrikam, Alex).AskAsync("czy faktura FV/2019/01/999 jest opłacona?");

        Assert.StartsWith("Nie znajduję faktury FV/2019/01/999 na Twoim koncie.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clicking_a_card_button_answers_for_that_invoice()
    {
        var invoice = await InvoiceAsync(Fabrikam, DemoData.ShowcaseInvoiceNumber);
        var chat = app.NewChat(Fabrikam, Alex, locale: "pl-PL");

        var shown = Assert.Single(await chat.ClickAsync(new JsonObject { ["action"] = "showInvoice", ["invoice"] = invoice.Number }));
        var pay = await chat.ClickAsync(new JsonObject { ["action"] = "howToPay", ["invoice"] = invoice.Number });
        var policy = await chat.ClickAsync(new JsonObject { ["action"] = "collectionPolicy", ["invoice"] = invoice.Number });
        var unknown = await chat.ClickAsync(new JsonObject { ["action"] = "launchRocket" });

        Assert.Contains("Faktura " + invoice.Number, SeededConversation.Visible(shown), StringComparison.Ordinal);
        Assert.Contains("„" + invoice.Number + "”", Assert.Single(pay).Text, StringComparison.Ordinal);
        Assert.Contains(Polish.Date(app.Policy.SuspensionDate(invoice.DueDate)), Assert.Single(policy).Text, StringComparison.Ordinal);
        Assert.Equal(Polish.Texts["CardActionUnknown"], Assert.Single(unknown).Text);
    }

    [Theory]
    [InlineData("anuluj", "Dobrze, przerwałem.")]
    [InlineData("cancel", "OK, I've stopped that.")]
    public async Task Cancel_interrupts_a_question_the_bot_is_asking(string cancel, string expected)
    {
        var chat = app.NewChat(Fabrikam, Alex);
        await chat.SayAsync(cancel == "anuluj" ? "status faktury" : "invoice status please");

        var answer = await chat.AskAsync(cancel);
        var after = await chat.AskAsync(cancel == "anuluj" ? "dzięki" : "thanks");

        Assert.Equal(expected, answer[..expected.Length]);
        Assert.DoesNotContain("FV/", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_in_the_middle_of_a_question_shows_help_then_asks_again()
    {
        var chat = app.NewChat(Fabrikam, Alex);
        await chat.SayAsync("status faktury");

        var replies = await chat.SayAsync("pomoc");

        Assert.Equal(2, replies.Count);
        Assert.StartsWith("Oto, o co możesz mnie zapytać", replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("O którą fakturę chodzi?", HeroOf(replies[1]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_question_instead_of_an_answer_is_answered()
    {
        var chat = app.NewChat(Fabrikam, Alex);
        await chat.SayAsync("status faktury");

        var answer = await chat.AskAsync("jak zapłacić?");

        Assert.Contains("numer konta", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversation_saved_by_an_older_version_is_reset_with_an_apology_and_the_next_question_works()
    {
        var chat = app.NewChat(Fabrikam, Alex);
        await chat.SayAsync("status faktury");
        var storage = app.Host.Services.GetRequiredService<IStorage>();
        var key = "msteams/conversations/" + chat.ConversationId;
        var saved = (await storage.ReadAsync([key], default))[key];
        // As if a deploy had renamed the prompt the conversation is waiting in.
        var renamed = saved.Json.Replace("\"billing.choice\"", "\"billing.invoice-picker\"", StringComparison.Ordinal);
        Assert.NotEqual(saved.Json, renamed);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = saved with { Json = renamed } }, default);

        var apology = await chat.AskAsync("FV/2026/10/017");
        var next = await chat.AskAsync("jak zapłacić?");

        Assert.Equal(Polish.Texts["StaleConversation"], apology);
        Assert.Contains("numer konta", next, StringComparison.Ordinal);
    }

    private async Task<Invoice> InvoiceAsync(string tenant, string number) =>
        await app.Invoices.FindAsync(tenant, number, default) ?? throw new InvalidOperationException($"The demo data has no {number}.");

    private async Task<AccountStanding> StandingAsync(string tenant) =>
        AccountStanding.On(Today, await app.Invoices.ListForCustomerAsync(tenant, default), app.Policy);

    private static HeroCard HeroOf(Activity activity)
    {
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal(Attachment.HeroCardContentType, attachment.ContentType);
        return ((System.Text.Json.JsonElement)attachment.Content!).Deserialize<HeroCard>(ProtocolJson.Options)!;
    }
}
