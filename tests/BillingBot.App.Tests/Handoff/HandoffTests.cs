using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.App.Handoff;
using BillingBot.App.Tests.Conversations;
using BillingBot.App.Tests.Hosting;
using BillingBot.App.Tests.Suspensions;
using BillingBot.Billing.Handoff;
using BillingBot.Billing.Understanding;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Handoff;

/// <summary>
/// A hand-off with two parties through the fake Teams channel: a customer's personal chat and the partner's agents'
/// channel, with real storage. The desk opens at 09:00 Warsaw on a Monday; each test has a customer (a tenant) of its own.
/// </summary>
public sealed class HandoffTests(SuspensionDesk desk) : IClassFixture<SuspensionDesk>, IAsyncLifetime
{
    private const string Agent = PartnerStaff.AgentObjectId;
    private const string Admin = PartnerStaff.AdminObjectId;

    private IHandoffRequests Handoffs => desk.Host.Services.GetRequiredService<IHandoffRequests>();

    public Task InitializeAsync() => desk.InstallInAgentsChannelAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_full_hand_off_relays_both_ways_attributed_ends_with_a_rating_and_keeps_the_transcript()
    {
        var customer = await desk.NewCustomerAsync("pl-PL", 20);
        await desk.CustomerSaysAsync(customer, "ile jestem winien?");

        var waiting = await TextsAsync(desk.CustomerSaysAsync(customer, "chcę porozmawiać z konsultantem"));

        Assert.Contains("Poprosiłem zespół wsparcia", waiting);
        var request = await OpenRequestAsync(customer);
        Assert.Equal("ile jestem winien?", request.Topic);
        Assert.Equal(Intent.Balance, request.RecognizedIntent);
        var card = RequestCards(customer).Single();
        var cardText = BillingCardsTests.CardText(card);
        Assert.Contains(customer.Customer.Name, cardText);
        Assert.Contains(customer.Primary.Name, cardText);
        Assert.Contains("ile jestem winien?", cardText);
        Assert.Contains("What I owe", cardText);
        Assert.Equal(HandoffVerbs.Accept, Assert.IsType<AdaptiveExecuteAction>(Assert.Single(card.Actions!)).Verb);

        var thread = Thread(request);
        var accepted = await desk.ClickAsync(HandoffVerbs.Accept, Agent, Data(request), threadConversationId: thread);

        Assert.Contains("Taken by Jan Nowicki", BillingCardsTests.CardText(accepted.Card));
        Assert.Contains(desk.Env.TextsSentTo(customer.PrimaryChat), t => t.Contains("Jan Nowicki", StringComparison.Ordinal) && t.Contains("Dołączył(a)", StringComparison.Ordinal));
        Assert.Contains(desk.Env.TextsSentTo(thread), t => t.StartsWith("Jan Nowicki took this.", StringComparison.Ordinal));

        var relayed = await desk.CustomerSaysAsync(customer, "Faktura za listopad jest za wysoka");
        Assert.Empty(relayed);
        Assert.Contains(desk.Env.TextsSentTo(thread), t => t == $"{customer.Primary.Name} ({customer.Customer.Name}): Faktura za listopad jest za wysoka");

        await desk.StaffSaysAsync(Agent, thread, "Sprawdzę to i wrócę do Pani jeszcze dziś.");
        Assert.Equal("Jan Nowicki: Sprawdzę to i wrócę do Pani jeszcze dziś.", desk.Env.TextsSentTo(customer.PrimaryChat)[^1]);

        await desk.StaffSaysAsync(Agent, thread, "koniec");
        var afterEnd = desk.Env.ActivitiesSentTo(customer.PrimaryChat).TakeLast(2).ToList();
        Assert.Contains("Jan Nowicki zakończył(a) rozmowę", afterEnd[0].Text);
        var rating = SeededConversation.CardOf(afterEnd[1])!;
        Assert.Equal(5, rating.Actions!.Count);

        var thanks = await desk.CustomerClicksAsync(customer, HandoffVerbs.Rate, new JsonObject { ["handoff"] = request.HandoffId, ["stars"] = "4" });

        Assert.Contains("4 na 5", BillingCardsTests.CardText(thanks.Card));
        var rated = (await Handoffs.FindAsync(request.HandoffId, CancellationToken.None))!;
        Assert.Equal(HandoffState.Rated, rated.State);
        Assert.Equal(4, rated.Rating);
        Assert.Equal(
            [(HandoffParty.Customer, "Faktura za listopad jest za wysoka"), (HandoffParty.Agent, "Sprawdzę to i wrócę do Pani jeszcze dziś.")],
            (await Handoffs.TranscriptAsync(request.HandoffId, CancellationToken.None)).Select(e => (e.Who, e.Text)));
        Assert.Contains(desk.Env.TextsSentTo(thread), t => t == "The customer rated the conversation 4 of 5.");

        // The bot is back: a billing question gets a billing answer again, and a new request for a person starts afresh.
        var back = await TextsAsync(desk.CustomerSaysAsync(customer, "ile jestem winien?"));
        Assert.DoesNotContain("Przekazano", back);
        Assert.NotEqual(string.Empty, back);
        await desk.CustomerSaysAsync(customer, "chcę porozmawiać z konsultantem w sprawie faktury " + customer.Invoices[0].Number);
        var second = await OpenRequestAsync(customer);
        Assert.NotEqual(request.HandoffId, second.HandoffId);
        Assert.Equal("chcę porozmawiać z konsultantem w sprawie faktury " + customer.Invoices[0].Number, second.Topic);
        Assert.Equal([customer.Invoices[0].Number], second.InvoiceNumbers);
    }

    [Fact]
    public async Task Two_agents_accepting_at_once_one_takes_it_and_the_other_is_told_politely_who_did()
    {
        var customer = await desk.NewCustomerAsync("en-GB", 10);
        await desk.CustomerSaysAsync(customer, "I want to talk to a person");
        var request = await OpenRequestAsync(customer);

        var answers = await Task.WhenAll(
            desk.ClickAsync(HandoffVerbs.Accept, Agent, Data(request), threadConversationId: Thread(request)),
            desk.ClickAsync(HandoffVerbs.Accept, Admin, Data(request), threadConversationId: Thread(request)));

        var taken = (await Handoffs.FindAsync(request.HandoffId, CancellationToken.None))!;
        var winner = taken.AcceptedBy!.Name;
        Assert.Single(answers, a => a.Type == AdaptiveCard.ContentType && BillingCardsTests.CardText(a.Card).Contains("Taken by " + winner, StringComparison.Ordinal));
        Assert.Single(answers, a => a.Type != AdaptiveCard.ContentType && a.Message == $"{winner} already took this one. Thank you anyway!");
        Assert.Single(desk.Env.TextsSentTo(customer.PrimaryChat), t => t.Contains("has joined", StringComparison.Ordinal));
        Assert.Equal(HandoffState.Relaying, taken.State);
    }

    [Fact]
    public async Task Only_support_agents_of_the_partner_take_a_hand_off_and_only_the_one_who_took_it_talks_to_the_customer()
    {
        var customer = await desk.NewCustomerAsync("en-GB", 10);
        await desk.CustomerSaysAsync(customer, "can I speak to a human?");
        var request = await OpenRequestAsync(customer);
        var thread = Thread(request);

        var sales = await desk.ClickAsync(HandoffVerbs.Accept, PartnerStaff.SalesObjectId, Data(request), threadConversationId: thread);
        var stranger = await desk.ClickAsync(HandoffVerbs.Accept, Guid.NewGuid().ToString(), Data(request), threadConversationId: thread);
        var otherTenant = await desk.ClickAsync(HandoffVerbs.Accept, Agent, Data(request), tenantId: customer.Customer.TenantId, threadConversationId: thread);

        Assert.Equal("Sorry, only support agents take hand-offs. Nothing has changed.", sales.Message);
        Assert.Equal("Sorry, only support agents take hand-offs. Nothing has changed.", stranger.Message);
        Assert.Equal("Sorry, this card works only in the partner's own Teams. Nothing has changed.", otherTenant.Message);
        Assert.True((await Handoffs.FindAsync(request.HandoffId, CancellationToken.None))!.AwaitsAgent);

        await desk.ClickAsync(HandoffVerbs.Accept, Agent, Data(request), threadConversationId: thread);
        var toCustomer = desk.Env.TextsSentTo(customer.PrimaryChat).Count;
        await desk.StaffSaysAsync(Admin, thread, "I can take over if you want", name: PartnerStaff.AdminName);
        var endByAdmin = await desk.ClickAsync(HandoffVerbs.End, Admin, Data(request), threadConversationId: thread);

        Assert.Equal(toCustomer, desk.Env.TextsSentTo(customer.PrimaryChat).Count);
        Assert.Contains(desk.Env.TextsSentTo(thread), t => t == "Only Jan Nowicki, who took this conversation, writes to the customer. Your note stays in this thread.");
        Assert.Equal("Only Jan Nowicki, who took this conversation, can end it.", endByAdmin.Message);
        Assert.Equal(HandoffState.Relaying, (await Handoffs.FindAsync(request.HandoffId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task The_customer_can_end_the_conversation_and_rate_it_by_typing_a_number()
    {
        var customer = await desk.NewCustomerAsync("en-GB", 10);
        await desk.CustomerSaysAsync(customer, "talk to a person please");
        var request = await OpenRequestAsync(customer);
        await desk.ClickAsync(HandoffVerbs.Accept, Agent, Data(request), threadConversationId: Thread(request));

        var ended = await desk.CustomerSaysAsync(customer, "end");
        var thanks = await TextsAsync(desk.CustomerSaysAsync(customer, "5"));

        Assert.Contains("You've ended the conversation with Jan Nowicki", ended[0].Text);
        Assert.NotNull(SeededConversation.CardOf(ended[1]));
        Assert.Equal("Thank you for your rating: 5 of 5.", thanks);
        Assert.Contains(desk.Env.TextsSentTo(Thread(request)), t => t == "The customer ended the conversation.");
        Assert.Equal(5, (await Handoffs.FindAsync(request.HandoffId, CancellationToken.None))!.Rating);
    }

    [Fact]
    public async Task A_customer_who_stops_waiting_withdraws_the_request_and_the_agents_card_says_so()
    {
        var customer = await desk.NewCustomerAsync("en-GB", 10);
        await desk.CustomerSaysAsync(customer, "I need a human");
        var request = await OpenRequestAsync(customer);

        var passedOn = await TextsAsync(desk.CustomerSaysAsync(customer, "It's about my last invoice"));
        var withdrawn = await TextsAsync(desk.CustomerSaysAsync(customer, "cancel"));
        var lateAccept = await desk.ClickAsync(HandoffVerbs.Accept, Agent, Data(request), threadConversationId: Thread(request));

        Assert.Equal("Passed on to the support team.", passedOn);
        Assert.Contains(desk.Env.TextsSentTo(Thread(request)), t => t.EndsWith("It's about my last invoice", StringComparison.Ordinal));
        Assert.StartsWith("All right, you're no longer waiting", withdrawn);
        Assert.Contains(desk.ChannelUpdatesOf(request.RequestCard!), c => BillingCardsTests.CardText(c).Contains("The customer stopped waiting at", StringComparison.Ordinal));
        Assert.Equal(HandoffState.Withdrawn, (await Handoffs.FindAsync(request.HandoffId, CancellationToken.None))!.State);
        Assert.DoesNotContain(Assert.IsType<AdaptiveCard>(lateAccept.Type == AdaptiveCard.ContentType ? lateAccept.Card : null).Actions ?? [], a => a is AdaptiveExecuteAction { Verb: HandoffVerbs.Accept });
    }

    [Fact]
    public async Task Nobody_taking_it_in_time_alerts_every_support_agent_once_and_tells_the_customer_the_expected_wait()
    {
        var customer = await desk.NewCustomerAsync("pl-PL", 10);
        await desk.CustomerSaysAsync(customer, "chcę rozmawiać z człowiekiem");
        var request = await OpenRequestAsync(customer);
        var monitor = desk.Host.Services.GetRequiredService<HandoffDesk>();

        Assert.Equal(0, await monitor.EscalateOverdueAsync(CancellationToken.None));
        desk.Time.Advance(monitor.Options.AcceptTimeout);
        var first = await monitor.EscalateOverdueAsync(CancellationToken.None);
        var second = await monitor.EscalateOverdueAsync(CancellationToken.None);

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        var alert = desk.Env.ActivitiesSentTo(Thread(request)).Single(a => a.Entities?.Any(e => e.Type == Entity.MentionType) == true);
        Assert.Equal([Admin, Agent], alert.Entities!.Select(e => e.Mentioned!.Id).Order());
        Assert.Contains("<at>Jan Nowicki</at>", alert.Text);
        Assert.Contains("within 5 minutes", alert.Text);
        Assert.Contains(desk.Env.TextsSentTo(customer.PrimaryChat), t => t.StartsWith("Wszyscy nasi konsultanci są teraz zajęci", StringComparison.Ordinal) && t.Contains("do 8 godzin", StringComparison.Ordinal));
        Assert.Equal(HandoffState.Escalated, (await Handoffs.FindAsync(request.HandoffId, CancellationToken.None))!.State);

        // Anyone can still take it after the alert.
        var taken = await desk.ClickAsync(HandoffVerbs.Accept, Agent, Data(request), threadConversationId: Thread(request));
        Assert.Contains("Taken by Jan Nowicki", BillingCardsTests.CardText(taken.Card));
    }

    [Fact]
    public async Task Two_misunderstandings_offer_a_person_and_the_button_hands_off_with_that_reason()
    {
        var customer = await desk.NewCustomerAsync("en-GB", 10);
        await desk.CustomerSaysAsync(customer, "blorp zzz qwerty");
        var offer = await desk.CustomerSaysAsync(customer, "fnord wibble");

        var card = offer.Select(SeededConversation.CardOf).OfType<AdaptiveCard>().Single();
        var button = Assert.IsType<AdaptiveSubmitAction>(Assert.Single(card.Actions!));
        var data = System.Text.Json.JsonSerializer.SerializeToNode(button.Data, ProtocolJson.Options)!.AsObject();
        Assert.Equal("notUnderstood", data["reason"]!.GetValue<string>());

        await desk.CustomerSubmitsAsync(customer, data);

        var request = await OpenRequestAsync(customer);
        Assert.Equal(HandoffTrigger.NotUnderstood, request.Trigger);
        Assert.Contains("the bot did not understand twice", BillingCardsTests.CardText(RequestCards(customer).Single()));
        Assert.Contains("fnord wibble", BillingCardsTests.CardText(RequestCards(customer).Single()));
    }

    private static JsonObject Data(HandoffRequest request) => new() { ["handoff"] = request.HandoffId };

    private static string Thread(HandoffRequest request) => HandoffDesk.ThreadOf(request)!;

    private static async Task<string> TextsAsync(Task<IReadOnlyList<Activity>> replies) =>
        string.Join("\n", (await replies).Select(SeededConversation.Visible));

    private async Task<HandoffRequest> OpenRequestAsync(CustomerOnDesk customer) =>
        await Handoffs.FindOpenByConversationAsync(customer.PrimaryChat, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException("The customer has no open hand-off.");

    private List<AdaptiveCard> RequestCards(CustomerOnDesk customer) =>
        [.. desk.Env.RequestsTo(SuspensionDesk.ChannelId).Where(r => r.Method == "POST" && r.Body is not null)
            .Select(r => SeededConversation.CardOf(r.Body!.Deserialize<Activity>(ProtocolJson.Options)!))
            .OfType<AdaptiveCard>()
            .Where(c => c.Refresh?.Action.Verb == HandoffVerbs.Refresh && BillingCardsTests.CardText(c).Contains(customer.Customer.TenantId, StringComparison.Ordinal))];
}
