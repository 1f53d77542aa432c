using System.Globalization;
using System.Text.Json;
using BillingBot.App.Configuration;
using BillingBot.App.Conversations;
using BillingBot.App.Conversations.Cards;
using BillingBot.App.Escalations;
using BillingBot.App.Escalations.Cards;
using BillingBot.App.Handoff;
using BillingBot.App.Reminders;
using BillingBot.App.Reminders.Cards;
using BillingBot.App.Resources;
using BillingBot.App.Sales;
using BillingBot.App.Staff;
using BillingBot.App.Suspensions;
using BillingBot.App.Suspensions.Cards;
using BillingBot.Billing;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Handoff;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Support;
using BillingBot.Billing.Suspensions;
using BillingBot.Billing.Understanding;
using BillingBot.Protocol.Cards;
using BillingBot.TestKit.Cards;

namespace BillingBot.App.Tests.Security;

/// <summary>
/// Names and descriptions that carry Markdown and HTML are shown in every card as written: a customer's and a contact's
/// name, an invoice line, a ticket's description and Microsoft's case, a staff member's name, a customer's words.
/// Each TextBlock and Fact that shows one is read with a CommonMark reader, and the cards still pass the Teams schema
/// and the adaptivecards renderer.
/// </summary>
public sealed class MarkdownInCardsTests(AdaptiveCardChecks checks) : IClassFixture<AdaptiveCardChecks>
{
    /// <summary>One line of everything Teams would format; "Evil" marks where it went.</summary>
    public const string Hostile = "Evil **Bold** __b__ [pay here](https://evil.example) <b>B</b> <a href=\"https://evil.example\">a</a> <script>alert(1)</script> &amp; _x_ `code` ~~s~~ | # no";

    /// <summary>A description over lines, with block syntax at their starts.</summary>
    public const string HostileLines = "Evil\n# Heading\n- item\n1. first\n> quote\n[link](https://evil.example)";

    private static readonly DateOnly Today = new(2026, 12, 14);
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private static readonly StaffMember Agent = new("0a1b2c3d-2222-4e5f-8a9b-0c1d2e3f4a5b", Hostile, [StaffRole.SupportAgent, StaffRole.BillingAdmin]);
    private static readonly Customer Customer = new("00000000-0000-0000-0000-0000000000e1", Hostile, "PLN", "pl-PL", "Europe/Warsaw", 14, SupportPlan.Standard,
        [new BillingContact("11111111-0000-0000-0000-0000000000e1", Hostile, "evil@fabrikam.example", BillingContactRole.Primary)]);

    public static TheoryData<string> Languages => new() { "pl-PL", "en-US" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_card_shows_hostile_names_and_descriptions_as_written(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var cards = Cards(culture).ToList();

        foreach (var (name, card) in cards)
        {
            var markdown = MarkdownTexts(AdaptiveCardSerializer.SerializeToElement(card)).ToList();
            var showing = markdown.Where(t => t.Contains("Evil", StringComparison.Ordinal)).ToList();
            Assert.True(showing.Count > 0, $"{name}: no TextBlock or Fact shows the hostile text");
            foreach (var text in showing)
            {
                // The sales lead quotes a customer's words with ‹ › for < >, so that no tag of theirs becomes a mention.
                var shown = MarkdownReading.Shown(text).Replace('‹', '<').Replace('›', '>');
                var expected = text.Contains("Heading", StringComparison.Ordinal) ? HostileLines : Hostile;
                Assert.All(expected.Split('\n'), line => Assert.True(shown.Contains(line, StringComparison.Ordinal), $"{name}: '{text}' reads '{shown}', without '{line}'"));
                Assert.DoesNotContain(MarkdownReading.Formatting(text), f => f is "LinkInline" or "AutolinkInline" or "HtmlInline" or "HtmlBlock" or "HeadingBlock" or "ListBlock" or "QuoteBlock" or "Table");
            }
        }

        var problems = await checks.ProblemsOfAllAsync([.. cards.Select(c => AdaptiveCardSerializer.Serialize(c.Card))]);
        Assert.All(problems.Select((p, i) => (p, i)), x => Assert.True(x.p.Count == 0, $"{cards[x.i].Name}: {string.Join("; ", x.p)}"));
    }

    [Fact]
    public void Unescaped_the_hostile_name_would_have_been_a_link_and_bold_in_a_card()
    {
        var raw = new AdaptiveTextBlock { Text = "Customer: " + Hostile };

        Assert.Contains("LinkInline", MarkdownReading.Formatting(raw.Text));
        Assert.Contains("EmphasisInline", MarkdownReading.Formatting(raw.Text));
        Assert.DoesNotContain("[pay here]", MarkdownReading.Shown(raw.Text), StringComparison.Ordinal);
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> Cards(CultureInfo culture)
    {
        var billing = new BillingFormat(BillingTexts.For(culture));
        var context = new CardContext(billing, true, Today, CollectionPolicy.Default, "Contoso Cloud");
        var invoice = new Invoice("FV/2026/10/001", Customer.TenantId, BillingPeriod.Month(2026, 10), Today.AddDays(-45), Today.AddDays(-31),
            new Money(1000m, "PLN"), new Money(230m, "PLN"), new Money(1230m, "PLN"), Money.Zero("PLN"),
            [new InvoiceLine(Hostile, 1m, new Money(1000m, "PLN"))], null, InvoiceStatus.Overdue);
        yield return ("invoice status", InvoiceStatusCard.Build(invoice, context));

        var suspension = new SuspensionFormat(culture, Warsaw);
        var requested = SuspensionCase.Open(Customer.TenantId, $"{Customer.TenantId}|{invoice.Number}|suspension-30", invoice.Number, Now)
            .AskedAgents(new PostedMessage("19:agents@thread.tacv2", "1765700000001"), Now);
        var history = new List<ReminderHistoryEntry> { new(Customer.TenantId, invoice.Number, ReminderKind.Overdue, "stage-1", Customer.Contacts[0].ObjectId, Now.AddDays(-10)) };
        yield return ("approval, requested", ApprovalCard.Build(new ApprovalView(Customer, requested, [invoice], history, Today, CollectionPolicy.Default, true, []), suspension));
        yield return ("approval, approved", ApprovalCard.Build(new ApprovalView(Customer, requested.Approve(Agent, Now), [invoice], history, Today, CollectionPolicy.Default, false, []), suspension));
        var notice = new CustomerNoticeContext("Contoso Cloud", new PaymentOptions { BankName = "mBank S.A.", AccountNumber = "PL61 1090 1014 0000 0712 1981 2874" },
            [new ContactMethod(ContactKind.Email, "billing@contoso.example")], 30);
        yield return ("suspended notice", SuspendedNoticeCard.Build(Customer, [invoice], notice, suspension));
        yield return ("restored notice", RestoredNoticeCard.Build(Customer, notice, suspension));
        yield return ("billing team notice", BillingTeamNoticeCard.Build(new BillingTeamNotice(Customer.TenantId, "Access restored: " + Hostile, "Tell " + Hostile + " by e-mail."), Customer.Name, suspension));

        yield return ("payment claim", PaymentClaimCard.Build(new PaymentClaim(Customer.TenantId, invoice.Number, Customer.Contacts[0].ObjectId, Now, PaymentClaimStatus.Confirmed), Customer, invoice, CollectionPolicy.Default, culture, Hostile, Today));

        var tickets = new TicketFormat(culture, Warsaw);
        var offer = new SupportOffer(new SupportHours(Warsaw, [], new HashSet<DateOnly>()), [],
            [new SupportPlanOffer(SupportPlan.Standard, new Money(490m, "PLN"), TimeSpan.FromHours(8), [SupportTopic.Billing])]);
        var opened = Ticket.Open(Customer.TenantId, "T-2026-0007", TicketCategory.InvoiceDispute, TicketSeverity.High, HostileLines, [invoice.Number],
            SupportPlan.Standard, offer, Customer.Contacts[0].ObjectId, Now) with { AgentsCard = new PostedMessage("19:agents@thread.tacv2", "1765700000002") };
        var started = opened.Start(Agent, Now.AddMinutes(5));
        var escalated = started.EscalateToMicrosoft(Agent, MicrosoftSupportRoute.CommercialCspSupport, Hostile, Hostile, Now.AddHours(1));
        TicketView View(Ticket ticket) => new(ticket, Customer.Name, Customer.Contacts[0].Name, Now.AddHours(2), MicrosoftSupportRoute.CommercialCspSupport, true, [Agent.ObjectId]);
        yield return ("ticket for agents, new", TicketAgentsCard.Build(View(opened), tickets));
        yield return ("ticket for agents, escalated", TicketAgentsCard.Build(View(escalated), tickets));
        yield return ("ticket notice, started", TicketNoticeCard.Build(started, started.History[^1], tickets));
        yield return ("ticket notice, escalated", TicketNoticeCard.Build(escalated, escalated.History[^1], tickets));

        var handoff = new HandoffFormat(culture, Warsaw);
        var request = HandoffRequest.Open("h-1", Customer.TenantId, Customer.Contacts[0].ObjectId, "a:1chat", "19:agents@thread.tacv2", Hostile,
            Intent.None, HandoffTrigger.AskedForPerson, [invoice.Number],
            [new TranscriptEntry(HandoffParty.Customer, Hostile, Now), new TranscriptEntry(HandoffParty.Bot, "Evil echo " + Hostile, Now)], Now);
        yield return ("hand-off request", HandoffRequestCard.Build(request, Customer, handoff, true, []));
        var accepted = request with { AcceptedBy = new HandoffAgent(Agent.ObjectId, Agent.Name), AcceptedAt = Now, State = HandoffState.Relaying };
        yield return ("hand-off request, taken", HandoffRequestCard.Build(accepted, Customer, handoff, true, []));
        yield return ("hand-off rating", HandoffRatingCard.Ask(accepted, handoff));

        var sales = new SalesFormat(culture, Warsaw);
        yield return ("sales lead", LeadCard.Build(new SalesLead(Customer, Hostile, Customer.Contacts[0].ObjectId, HostileLines, "pl", 1, 1, [], 30, []), sales));
        yield return ("channel picked", UseChannelCard.Picked(culture, Hostile));
    }

    /// <summary>The texts Teams reads as Markdown: every TextBlock's text and every Fact's title and value.</summary>
    private static IEnumerable<string> MarkdownTexts(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var text in e.EnumerateArray().SelectMany(MarkdownTexts))
            {
                yield return text;
            }
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            var type = e.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "TextBlock" && e.TryGetProperty("text", out var text))
            {
                yield return text.GetString()!;
            }

            if (type == "FactSet")
            {
                foreach (var fact in e.GetProperty("facts").EnumerateArray())
                {
                    yield return fact.GetProperty("title").GetString()!;
                    yield return fact.GetProperty("value").GetString()!;
                }
            }

            foreach (var property in e.EnumerateObject())
            {
                foreach (var inner in MarkdownTexts(property.Value))
                {
                    yield return inner;
                }
            }
        }
    }
}
