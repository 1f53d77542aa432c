using System.Collections;
using System.Globalization;
using System.Resources;
using BillingBot.App.Escalations;
using BillingBot.App.Escalations.Cards;
using BillingBot.App.Resources;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Support;
using BillingBot.Billing.Suspensions;
using BillingBot.Protocol.Cards;
using BillingBot.TestKit.Cards;
using static BillingBot.App.Tests.Conversations.BillingCardsTests;

namespace BillingBot.App.Tests.Tickets;

/// <summary>Every ticket card, in Polish and English and in every state of a ticket, passes the Teams schema and the renderer.</summary>
public sealed class TicketCardsTests(AdaptiveCardChecks checks) : IClassFixture<AdaptiveCardChecks>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 8, 0, 0, TimeSpan.Zero);
    private static readonly StaffMember Jan = new("0a1b2c3d-2222-4e5f-8a9b-0c1d2e3f4a5b", "Jan Nowicki", [StaffRole.SupportAgent]);
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    private static readonly SupportOffer Offer = new(
        new SupportHours(Warsaw, [], new HashSet<DateOnly>()),
        [],
        [new SupportPlanOffer(SupportPlan.Standard, new Money(490m, "PLN"), TimeSpan.FromHours(8), [SupportTopic.Billing])]);

    public static TheoryData<string> Languages => new() { "pl-PL", "en-US" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_ticket_card_is_valid_for_Teams(string language)
    {
        var format = new TicketFormat(CultureInfo.GetCultureInfo(language), Warsaw);
        var cards = new List<AdaptiveCard>();
        foreach (var ticket in States())
        {
            cards.Add(TicketAgentsCard.Build(View(ticket, withActions: true), format));
            cards.Add(TicketAgentsCard.Build(View(ticket, withActions: false) with { CustomerName = null, OpenedByName = null, RefreshUserIds = [] }, format));
            cards.AddRange(ticket.History.Where(e => TicketNoticeCard.IsNotified(e.Kind)).Select(e => TicketNoticeCard.Build(ticket, e, format)));
        }

        cards.Add(TicketNoticeCard.Answered(States().Last(), "Thank you.", format));
        cards.Add(TicketAgentsCard.Build(View(Open(new string('x', 5000))), format));

        var problems = await checks.ProblemsOfAllAsync([.. cards.Select(AdaptiveCardSerializer.Serialize)]);

        Assert.All(problems.Select((p, i) => (p, i)), x => Assert.True(x.p.Count == 0, $"card {x.i}: {string.Join("; ", x.p)}"));
        Assert.All(cards, c => Assert.True(new AdaptiveCardSerializer().IsWithinLimit(c), $"{AdaptiveCardSerializer.GetSizeInBytes(c)} bytes"));
    }

    [Fact]
    public void A_Polish_agents_channel_reads_the_ticket_card_in_Polish()
    {
        var format = new TicketFormat(CultureInfo.GetCultureInfo("pl-PL"), Warsaw);

        var text = CardText(TicketAgentsCard.Build(View(Open("Faktura się nie zgadza").Start(Jan, Now)), format));

        Assert.Contains("Zgłoszenie T-2026-0007: Fabrikam Polska sp. z o.o.", text, StringComparison.Ordinal);
        Assert.Contains("W toku: Jan Nowicki", text, StringComparison.Ordinal);
        Assert.Contains("Reklamacja faktury", text, StringComparison.Ordinal);
        Assert.Contains("Przekaż do Microsoft", text, StringComparison.Ordinal);
        Assert.Contains("14 grudnia 2026, 17:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_ticket_text_exists_in_Polish_and_in_English()
    {
        var manager = new ResourceManager("BillingBot.App.Resources.TicketTexts", typeof(TicketTexts).Assembly);
        var english = Keys(manager.GetResourceSet(CultureInfo.InvariantCulture, true, false)!);
        var polish = Keys(manager.GetResourceSet(CultureInfo.GetCultureInfo("pl"), true, false)!);

        Assert.Equal(english, polish);
        Assert.All(Enum.GetValues<TicketCategory>(), c => Assert.Contains("Category_" + c, english));
        Assert.All(Enum.GetValues<TicketSeverity>(), s => Assert.Contains("Severity_" + s, english));
        Assert.All(Enum.GetValues<TicketSeverity>(), s => Assert.Contains("Synonyms_" + s, english));
        Assert.All(Enum.GetValues<TicketStatus>(), s => Assert.Contains("Status_" + s, english));
        Assert.All(Enum.GetValues<TicketStatus>(), s => Assert.Contains("AgentsStatus_" + s, english));
        Assert.All(Enum.GetValues<MicrosoftSupportRoute>(), r => Assert.Contains("Route_" + r, english));
        Assert.All(Enum.GetValues<TicketEventKind>(), k => Assert.Contains("Agents_Event" + k, english));
        Assert.All(Enum.GetValues<TicketEventKind>().Where(TicketNoticeCard.IsNotified), k => Assert.Contains("Notice_" + k, english));
    }

    private static SortedSet<string> Keys(ResourceSet set) =>
        new(set.Cast<DictionaryEntry>().Select(e => (string)e.Key), StringComparer.Ordinal);

    private static IEnumerable<Ticket> States()
    {
        var opened = Open("Na fakturze jest 20 licencji, a mamy 10.");
        var started = opened.Start(Jan, Now.AddMinutes(5));
        var waiting = started.WaitForCustomer(Jan, Now.AddMinutes(10));
        var answered = waiting.CustomerAnswered(Now.AddHours(1));
        var escalated = answered.EscalateToMicrosoft(Jan, MicrosoftSupportRoute.CommercialCspSupport, "2612140040001234", "Opened", Now.AddHours(2));
        var updated = escalated.UpdateMicrosoftStatus(Jan, "Waiting for an engineer", Now.AddHours(5));
        var resolved = updated.Resolve(Jan, Now.AddDays(2));
        return [opened, started, waiting, answered, escalated, updated, resolved, resolved.Close(Jan, Now.AddDays(9)), started.Resolve(Jan, Now.AddHours(1)).Close(null, Now.AddDays(7))];
    }

    private static Ticket Open(string description) =>
        Ticket.Open("00000000-0000-0000-0000-0000000000a1", "T-2026-0007", TicketCategory.InvoiceDispute, TicketSeverity.High, description, ["FV/2026/11/042"],
            SupportPlan.Standard, Offer, "anna", Now) with { AgentsCard = new PostedMessage("19:agents@thread.tacv2", "1765700000001") };

    private static TicketView View(Ticket ticket, bool withActions = true) =>
        new(ticket, "Fabrikam Polska sp. z o.o.", "Anna Wiśniewska", Now.AddHours(1), MicrosoftSupportRoute.CommercialCspSupport, withActions, [Jan.ObjectId]);
}
