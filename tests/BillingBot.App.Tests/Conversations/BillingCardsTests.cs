using System.Text.Json;
using BillingBot.App.Configuration;
using BillingBot.App.Conversations;
using BillingBot.App.Conversations.Cards;
using BillingBot.App.Resources;
using BillingBot.Billing;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Cards;
using BillingBot.TestKit.Cards;

namespace BillingBot.App.Tests.Conversations;

/// <summary>Every card the bot can send, in Polish and English, with and without amounts, passes the Teams schema and the renderer.</summary>
public sealed class BillingCardsTests(AdaptiveCardChecks checks) : IClassFixture<AdaptiveCardChecks>
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";

    public static TheoryData<string, bool> Readers => new() { { "pl-PL", true }, { "pl-PL", false }, { "en-US", true }, { "en-US", false } };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Every_billing_card_is_valid_for_Teams(string culture, bool showAmounts)
    {
        var context = Context(culture, showAmounts);
        var invoices = SampleInvoices();
        var standing = AccountStanding.On(Today, invoices, CollectionPolicy.Default);
        var cards = new List<AdaptiveCard>
        {
            AccountSummaryCard.Build(standing, context),
            AccountSummaryCard.Build(AccountStanding.On(Today, [], CollectionPolicy.Default), context),
            InvoiceListCard.Build(invoices, 12, context),
            InvoiceListCard.Build([], 12, context),
            SupportOfferCard.Build(SupportOffer(), SupportPlan.Standard, new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), context.Format, "Contoso Cloud"),
            SupportOfferCard.Build(SupportOffer(), null, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), context.Format, "Contoso Cloud"),
        };
        cards.AddRange(invoices.Select(i => InvoiceStatusCard.Build(i, context)));

        var problems = await checks.ProblemsOfAllAsync([.. cards.Select(AdaptiveCardSerializer.Serialize)]);

        Assert.All(problems.Select((p, i) => (p, i)), x => Assert.True(x.p.Count == 0, $"card {x.i}: {string.Join("; ", x.p)}"));
        Assert.All(cards, c => Assert.True(new AdaptiveCardSerializer().IsWithinLimit(c)));
    }

    [Fact]
    public void A_Polish_invoice_card_shows_Polish_amounts_and_dates_and_the_suspension_date()
    {
        var overdue = SampleInvoices().Single(i => i.Number == "FV/2026/09/011");

        var json = CardText(InvoiceStatusCard.Build(overdue, Context("pl-PL", true)));

        Assert.Contains("Faktura FV/2026/09/011", json, StringComparison.Ordinal);
        Assert.Contains("1\u00A0230,00\u00A0zł", json, StringComparison.Ordinal);
        Assert.Contains("13 listopada 2026", json, StringComparison.Ordinal);
        Assert.Contains("zawieszony od 13 grudnia 2026", json, StringComparison.Ordinal);
        Assert.Contains("zaległa", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invoice_past_the_suspension_day_says_access_may_be_suspended_now_not_a_past_date()
    {
        var longOverdue = Invoice("FV/2026/09/001", new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1), 0m, InvoiceStatus.Overdue);

        var text = CardText(InvoiceStatusCard.Build(longOverdue, Context("pl-PL", true)));
        var summary = CardText(AccountSummaryCard.Build(AccountStanding.On(Today, [longOverdue], CollectionPolicy.Default), Context("en-US", true)));

        Assert.Contains("Dostęp może zostać zawieszony już teraz", text, StringComparison.Ordinal);
        Assert.DoesNotContain("31 października", text, StringComparison.Ordinal);
        Assert.Contains("FV/2026/09/001: Access may be suspended now", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_English_invoice_card_shows_the_currency_code_first()
    {
        var invoice = SampleInvoices().Single(i => i.Number == "FV/2026/10/017");

        var json = CardText(InvoiceStatusCard.Build(invoice, Context("en-US", true)));

        Assert.Contains("PLN\u00A01,230.00", json, StringComparison.Ordinal);
        Assert.Contains("12 December 2026", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Someone_who_is_not_a_billing_contact_sees_statuses_but_no_amounts()
    {
        var context = Context("en-US", showAmounts: false);
        var invoices = SampleInvoices();
        var json = string.Join("\n",
            CardText(AccountSummaryCard.Build(AccountStanding.On(Today, invoices, CollectionPolicy.Default), context)),
            CardText(InvoiceListCard.Build(invoices, 12, context)),
            string.Join("\n", invoices.Select(i => CardText(InvoiceStatusCard.Build(i, context)))));

        Assert.DoesNotContain("PLN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("1,230", json, StringComparison.Ordinal);
        Assert.Contains("overdue", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_invoice_list_buttons_carry_the_invoice_number_back_to_the_bot()
    {
        var json = AdaptiveCardSerializer.Serialize(InvoiceListCard.Build(SampleInvoices(), 12, Context("en-US", true)));
        using var doc = JsonDocument.Parse(json);

        var data = doc.RootElement.GetProperty("body")[1].GetProperty("rows")[1].GetProperty("cells")[0].GetProperty("selectAction").GetProperty("data");

        Assert.Equal(new BillingCardAction(BillingCardAction.ShowInvoice, "FV/2026/10/017"), BillingCardAction.From(data));
    }

    /// <summary>Every string in the card, as a reader would see them (the JSON escapes non-ASCII characters).</summary>
    internal static string CardText(AdaptiveCard card)
    {
        var texts = new List<string>();
        Collect(AdaptiveCardSerializer.SerializeToElement(card));
        return string.Join("\n", texts);

        void Collect(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: texts.Add(e.GetString()!); break;
                case JsonValueKind.Array: foreach (var x in e.EnumerateArray()) { Collect(x); } break;
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) { Collect(p.Value); } break;
            }
        }
    }

    private static CardContext Context(string culture, bool showAmounts) =>
        new(new BillingFormat(BillingTexts.For(System.Globalization.CultureInfo.GetCultureInfo(culture))), showAmounts, Today, CollectionPolicy.Default, "Contoso Cloud");

    internal static Billing.Support.SupportOffer SupportOffer() => new SupportOptions
    {
        TimeZone = "Europe/Warsaw",
        Hours = [new OpeningHoursOptions { Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], Opens = new TimeOnly(8, 0), Closes = new TimeOnly(18, 0) }],
        Holidays = [new DateOnly(2026, 12, 25)],
        Contacts = [new ContactMethodOptions { Kind = Billing.Support.ContactKind.Email, Value = "billing@contoso.example" }, new ContactMethodOptions { Kind = Billing.Support.ContactKind.Portal, Value = "https://support.contoso.example" }],
        Plans =
        [
            new SupportPlanOptions { Plan = SupportPlan.Basic, MonthlyPrice = 0, ResponseHours = 24, Covered = [Billing.Support.SupportTopic.Billing] },
            new SupportPlanOptions { Plan = SupportPlan.Standard, MonthlyPrice = 490, ResponseHours = 8, Covered = [Billing.Support.SupportTopic.Billing, Billing.Support.SupportTopic.TechnicalIncidents] },
        ],
    }.ToOffer();

    private static List<Invoice> SampleInvoices() =>
    [
        Invoice("FV/2026/10/017", new DateOnly(2026, 10, 31), new DateOnly(2026, 12, 12), 0m, InvoiceStatus.Issued),
        Invoice("FV/2026/09/011", new DateOnly(2026, 9, 30), new DateOnly(2026, 11, 13), 0m, InvoiceStatus.Overdue),
        Invoice("FV/2026/08/004", new DateOnly(2026, 8, 31), new DateOnly(2026, 10, 14), 1230m, InvoiceStatus.Paid),
        Invoice("FV/2026/07/002", new DateOnly(2026, 7, 31), new DateOnly(2026, 9, 14), 0m, InvoiceStatus.Disputed),
        Invoice("FV/2026/06/009", new DateOnly(2026, 6, 30), new DateOnly(2026, 8, 14), 0m, InvoiceStatus.Cancelled),
        Invoice("FV/2026/05/001", new DateOnly(2026, 5, 31), new DateOnly(2026, 7, 14), 600m, InvoiceStatus.PartiallyPaid),
        Invoice("FV/2026/04/001", new DateOnly(2026, 4, 30), new DateOnly(2026, 6, 14), 1230m, InvoiceStatus.Paid),
    ];

    private static Invoice Invoice(string number, DateOnly issued, DateOnly due, decimal paid, InvoiceStatus status) => new(
        number, Tenant, BillingPeriod.Month(issued.Year, issued.Month), issued, due,
        new Money(1000m, "PLN"), new Money(230m, "PLN"), new Money(1230m, "PLN"), new Money(paid, "PLN"),
        [new InvoiceLine("Microsoft 365 Business Premium", 10m, new Money(800m, "PLN")), new InvoiceLine("Azure consumption", 1m, new Money(200m, "PLN"))],
        new Uri("https://billing.contoso.example/invoices/" + number.Replace('/', '-') + ".pdf"), status);
}
