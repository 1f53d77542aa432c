using System.Globalization;
using System.Text.RegularExpressions;
using BillingBot.App.Bot;
using BillingBot.App.Commands.Seed;
using BillingBot.App.Conversations;
using BillingBot.App.Resources;
using BillingBot.EndToEnd.Tests.Pages;
using BillingBot.EndToEnd.Tests.Stack;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BillingBot.EndToEnd.Tests;

/// <summary>
/// The bot end to end in a real client: the Microsoft 365 Agents Playground, driven in headless Chromium, in front of
/// the built app on the seeded demo data. Each scenario asserts what the person at the screen sees, with expectations
/// worked out by the app's own code and texts, and leaves a screenshot of its final state in TestResults/e2e.
/// </summary>
[TestCaseOrderer("BillingBot.EndToEnd.Tests.ScenarioOrderer", "BillingBot.EndToEnd.Tests")]
public sealed class PlaygroundScenarios(PlaygroundStack stack) : IClassFixture<PlaygroundStack>
{
    private const string Showcase = DemoData.ShowcaseInvoiceNumber;
    private const string Staff = BotLaunch.StaffName;

    // Stands in for the part of a text that depends on the moment (a time), see Lead.
    private const string Marker = "\u0001";

    private static readonly BillingTexts Polish = BillingTexts.For(BotCulture.Polish);
    private static readonly BillingTexts English = BillingTexts.For(BotCulture.English);

    [Fact]
    [ScenarioOrder(1)]
    public Task Installing_the_app_greets_the_user_in_the_personal_chat() =>
        stack.RunAsync("welcome", async page =>
        {
            // The install page is the first one opened: its load installed the app.
            var welcome = page.BotMessages.First;
            page.Subject = welcome;
            await Expect(welcome).ToContainTextAsync(BotTexts.Welcome(BotCulture.English, null, BotLaunch.PartnerName));
        }, stack.InstallPage);

    [Fact]
    [ScenarioOrder(2)]
    public Task A_reminder_the_scheduler_pushes_is_put_off_with_remind_me_later_and_its_card_changes_in_place() =>
        stack.RunAsync("reminder", async page =>
        {
            var due = stack.Facts.DueReminders;
            Assert.True(due.Count > 0, "The app's dry run announced no reminder for the Playground's user today.");
            var reminder = due.FirstOrDefault(r => r.InvoiceNumber == Showcase) ?? due[0];
            var culture = reminder.Language == "pl" ? BotCulture.Polish : BotCulture.English;
            var texts = ReminderCardTexts.For(culture);
            var card = PlaygroundStack.ReminderCard(page, reminder);
            page.Subject = card;
            await Expect(card).ToHaveCountAsync(1);
            var messages = await page.BotMessages.CountAsync();

            // "Remind me later" opens a date, tomorrow by default; confirming it answers on the card itself.
            await PlaygroundPage.Button(card, texts["Action_Later"]).ClickAsync();
            await PlaygroundPage.Button(card, texts["Action_Confirm"]).ClickAsync();

            var tomorrow = new BillingFormat(BillingTexts.For(culture)).Date(stack.Facts.Today.AddDays(1));
            await Expect(card).ToContainTextAsync(texts.Format("State_Snoozed", tomorrow));
            await Expect(PlaygroundStack.ReminderCard(page, reminder)).ToHaveCountAsync(1);
            await Expect(page.BotMessages).ToHaveCountAsync(messages);
        }, stack.InstallPage);

    [Fact]
    [ScenarioOrder(3)]
    public Task Asking_in_Polish_what_I_owe_shows_the_total_on_the_account_card() =>
        stack.RunAsync("balance-pl", async page =>
        {
            await page.SayAsync("ile jestem winien?");

            var total = new BillingFormat(Polish).Money(stack.Facts.Standing.TotalDue.Single());
            var card = page.Card(Polish.Format("Card_AccountTitle", BotLaunch.PartnerName));
            page.Subject = card;
            await Expect(PlaygroundPage.Fact(card, Polish["Card_TotalDue"])).ToHaveTextAsync(total);
        });

    [Fact]
    [ScenarioOrder(4)]
    public Task Asking_in_English_about_an_invoice_shows_its_status() =>
        stack.RunAsync("invoice-status-en", async page =>
        {
            await page.SayAsync($"What is the status of invoice {Showcase}?");

            var invoice = stack.Facts.Invoice(Showcase);
            var card = page.Card(English.Format("Card_Invoice", Showcase));
            page.Subject = card;
            await Expect(PlaygroundPage.Fact(card, English["Card_Status"])).ToHaveTextAsync(English["Status_" + invoice.StatusOn(stack.Facts.Today)]);
            await Expect(PlaygroundPage.Fact(card, English["Card_Outstanding"])).ToHaveTextAsync(new BillingFormat(English).Money(invoice.Outstanding));
        });

    [Fact]
    [ScenarioOrder(5)]
    public Task Pressing_an_invoice_on_the_invoice_list_card_shows_that_invoice() =>
        stack.RunAsync("invoice-from-list", async page =>
        {
            // The command menu's title in Polish Teams.
            await page.SayAsync("faktury");
            var list = page.Card(Polish["Card_InvoicesTitle"]);
            await PlaygroundPage.Button(list, Polish["Card_ShowInvoice"]).Filter(new() { HasText = Showcase }).ClickAsync();

            var invoice = stack.Facts.Invoice(Showcase);
            var card = page.Card(Polish.Format("Card_Invoice", Showcase));
            page.Subject = card;
            await Expect(PlaygroundPage.Fact(card, Polish["Card_Status"])).ToHaveTextAsync(Polish["Status_" + invoice.StatusOn(stack.Facts.Today)]);
            await Expect(PlaygroundPage.Fact(card, Polish["Card_Due"])).ToHaveTextAsync(new BillingFormat(Polish).Date(invoice.DueDate));
        });

    [Fact]
    [ScenarioOrder(6)]
    public Task Two_messages_the_bot_does_not_understand_end_in_the_offer_of_a_person() =>
        stack.RunAsync("offer-of-a-person", async page =>
        {
            // Gibberish has no language: the bot may answer it in either, so both languages' texts are accepted.
            var talkToPerson = new Regex($"^({Regex.Escape(Polish["Card_TalkToPerson"])}|{Regex.Escape(English["Card_TalkToPerson"])})$");
            var offer = new Regex($"{Regex.Escape(Lead(Polish["OfferPerson"]))}|{Regex.Escape(Lead(English["OfferPerson"]))}");
            var offers = page.BotMessages.Filter(new() { Has = page.Page.GetByRole(AriaRole.Button, new() { NameRegex = talkToPerson }) });

            await page.SayAsync("blorp zzz qwerty");
            await Expect(page.BotMessages).Not.ToHaveCountAsync(0);
            await Expect(offers).ToHaveCountAsync(0);

            await page.SayAsync("fnord wibble");
            page.Subject = offers;
            await Expect(offers).ToHaveCountAsync(1);
            await Expect(offers).ToContainTextAsync(offer);
        });

    [Fact]
    [ScenarioOrder(7)]
    public Task An_agent_takes_the_hand_off_in_the_team_channel_and_the_customer_reads_the_answer() =>
        stack.RunAsync("handoff", async page =>
        {
            var customer = stack.Facts.Customer;
            var toCustomer = HandoffTexts.For(BotCulture.Polish);
            var toAgents = HandoffTexts.For(BotCulture.English);
            const string question = "Faktura FV/2026/10/017 wydaje mi się za wysoka";
            const string answer = "Sprawdzam to teraz, zaraz wrócę z wyjaśnieniem.";

            // The partner's user-management admin makes General the agents' channel.
            await page.OpenGeneralChannelAsync();
            await page.MentionBotAsync(page.NewPostEditor, "use this channel");
            await page.PostAsync();
            await Expect(page.Page.GetByText(StaffAdminTexts.For(BotCulture.English).Format("Pick_Done", Staff)).First).ToBeVisibleAsync();

            // The customer asks for a person.
            await page.OpenPersonalChatAsync();
            await page.SayAsync("chcę porozmawiać z konsultantem");
            await Expect(page.BotMessages.Last).ToContainTextAsync(toCustomer.Format("Customer_Waiting", BotLaunch.PartnerName));

            // An agent takes it from the card in the channel.
            await page.OpenGeneralChannelAsync();
            var request = page.Post(toAgents.Format("Request_Title", customer.Name));
            await PlaygroundPage.Button(request, toAgents["Action_Accept"]).ClickAsync();
            await Expect(request).ToContainTextAsync(Lead(toAgents.Format("Request_TakenBy", Staff, Marker)));

            // The customer is told who joined, and writes.
            await page.OpenPersonalChatAsync();
            await Expect(page.BotMessages.Last).ToContainTextAsync(toCustomer.Format("Customer_AgentJoined", Staff, BotLaunch.PartnerName));
            await page.SayAsync(question);

            // The agent reads it in the card's thread and answers there, mentioning the bot.
            await page.OpenGeneralChannelAsync();
            await Expect(request).ToContainTextAsync(toAgents.Format("Thread_FromCustomer", Staff, customer.Name, question));
            await page.MentionBotAsync(PlaygroundPage.ReplyEditor(request), answer);
            await page.SendAsync();
            await Expect(request).ToContainTextAsync(answer);
            await page.ScreenshotAsync(stack.Artifacts.File("handoff-channel.png"), request);

            // The customer reads the answer, then ends the conversation and rates it.
            await page.OpenPersonalChatAsync();
            await Expect(page.BotMessages.Last).ToContainTextAsync(toCustomer.Format("Customer_FromAgent", Staff, answer));
            await page.SayAsync("koniec");
            var rating = page.Card(toCustomer["Rate_Title"]);
            await PlaygroundPage.Button(rating, new string('★', 5)).ClickAsync();
            page.Subject = rating;
            await Expect(rating).ToContainTextAsync(toCustomer.Format("Rate_Thanks", 5));
        });

    /// <summary>A text up to its first placeholder or <see cref="Marker"/>: the part that does not depend on the moment.</summary>
    private static string Lead(string text)
    {
        var end = text.IndexOfAny(['{', Marker[0]]);
        return end < 0 ? text : text[..end];
    }
}
