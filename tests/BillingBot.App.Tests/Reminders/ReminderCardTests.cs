using System.Globalization;
using BillingBot.App.Configuration;
using BillingBot.App.Reminders.Cards;
using BillingBot.App.Tests.Conversations;
using BillingBot.Billing;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Protocol.Cards;
using BillingBot.TestKit.Cards;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Tests.Reminders;

/// <summary>Every reminder card, at every stage, in Polish and English, open and after its invoice changed, is valid for Teams.</summary>
public sealed class ReminderCardTests(AdaptiveCardChecks checks) : IClassFixture<AdaptiveCardChecks>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Customer Customer = new(
        "00000000-0000-0000-0000-0000000000001", "Fabrikam Polska sp. z o.o.", "PLN", "pl-PL", "Europe/Warsaw", 14, SupportPlan.Standard,
        [new BillingContact("00000000-0000-0000-0000-0000000000020", "Alex Wilber", "alex@fabrikam.example", BillingContactRole.Primary)]);

    private readonly ReminderMessageFactory _factory = new(new CollectionPolicyBook(CollectionPolicy.Default), new AdaptiveCardSerializer(), Options.Create(new PaymentOptions { BankName = "mBank", AccountNumber = "PL61", CardPaymentUrl = new Uri("https://pay.contoso.example/") }));

    public static TheoryData<string> Languages => new() { "pl", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_stage_and_state_of_a_reminder_card_passes_the_schema_and_the_renderer(string language)
    {
        var open = Invoice(InvoiceStatus.Issued, 0m);
        var cards = new List<AdaptiveCard>();
        foreach (var (kind, offset, stage) in Stages)
        {
            var reminder = Reminder(kind, offset, stage, kind == ReminderKind.PeriodClosing ? null : open.Number);
            var invoice = kind == ReminderKind.PeriodClosing ? null : open;
            cards.Add(_factory.Card(reminder, language, Customer, invoice, Now, null));
            cards.Add(_factory.Card(reminder, language, Customer, invoice, Now, new ReminderCardNote("Noted.", true, false)));
        }

        var overdue = Reminder(ReminderKind.Overdue, 3, "after-3", open.Number);
        cards.Add(_factory.Card(overdue, language, Customer, Invoice(InvoiceStatus.Paid, 1230m), Now, null));
        cards.Add(_factory.Card(overdue, language, Customer, open.WithStatus(InvoiceStatus.Disputed), Now, null));
        cards.Add(_factory.Card(overdue, language, Customer, open.WithStatus(InvoiceStatus.Cancelled), Now, null));

        var culture = CultureInfo.GetCultureInfo(language == "pl" ? "pl-PL" : "en-US");
        var claim = new PaymentClaim(Customer.TenantId, open.Number, Customer.Contacts[0].ObjectId, Now, PaymentClaimStatus.Pending);
        cards.Add(PaymentClaimCard.Build(claim, Customer, open, CollectionPolicy.Default, culture));
        cards.Add(PaymentClaimCard.Build(claim with { Status = PaymentClaimStatus.Confirmed }, Customer, open, CollectionPolicy.Default, culture, "Ewa Kamińska", new DateOnly(2026, 11, 26)));
        cards.Add(PaymentClaimCard.Build(claim with { Status = PaymentClaimStatus.Rejected }, Customer, open, CollectionPolicy.Default, culture, "Ewa Kamińska", new DateOnly(2026, 11, 26)));

        var problems = await checks.ProblemsOfAllAsync([.. cards.Select(AdaptiveCardSerializer.Serialize)]);

        Assert.All(problems.Select((p, i) => (p, i)), x => Assert.True(x.p.Count == 0, $"card {x.i}: {string.Join("; ", x.p)}"));
    }

    [Fact]
    public void An_open_overdue_reminder_offers_pay_now_ive_paid_later_promise_and_talk_and_refreshes_itself()
    {
        var card = _factory.Card(Reminder(ReminderKind.Overdue, 3, "after-3", "FV/2026/10/017"), "pl", Customer, Invoice(InvoiceStatus.Issued, 0m), Now, null);

        Assert.Equal(["Zapłać teraz", "Już zapłaciłem", "Przypomnij później", "Zobowiązanie do zapłaty", "Porozmawiaj z nami"], card.Actions!.Select(a => a.Title));
        Assert.Equal(new Uri("https://pay.contoso.example/?invoice=FV%2F2026%2F10%2F017"), ((AdaptiveOpenUrlAction)card.Actions![0]).Url);
        Assert.Equal(ReminderCard.Refresh, card.Refresh!.Action.Verb);
        Assert.Null(card.Refresh.UserIds);
        var text = BillingCardsTests.CardText(card);
        Assert.Contains("1\u00A0230,00\u00A0zł", text, StringComparison.Ordinal);
        Assert.Contains("Faktura FV/2026/10/017 jest zaległa od 13 listopada 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_suspension_warning_states_the_exact_suspension_date()
    {
        var card = _factory.Card(Reminder(ReminderKind.SuspensionWarning, 20, "warning-20", "FV/2026/10/017"), "en", Customer, Invoice(InvoiceStatus.Issued, 0m), Now, null);

        Assert.Contains("access to your subscriptions may be suspended from 13 December 2026", BillingCardsTests.CardText(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Once_paid_the_card_says_so_and_offers_no_payment_buttons()
    {
        var card = _factory.Card(Reminder(ReminderKind.Upcoming, -7, "before-7", "FV/2026/10/017"), "en", Customer, Invoice(InvoiceStatus.Paid, 1230m), Now, null);

        Assert.Contains("Paid. Thank you!", BillingCardsTests.CardText(card), StringComparison.Ordinal);
        Assert.Equal(["Talk to someone"], card.Actions!.Select(a => a.Title));
    }

    private static readonly (ReminderKind Kind, int Offset, string Stage)[] Stages =
    [
        (ReminderKind.InvoiceIssued, -14, "issued"), (ReminderKind.PeriodClosing, 3, "closing-2026-11"), (ReminderKind.Upcoming, -7, "before-7"),
        (ReminderKind.Upcoming, -1, "before-1"), (ReminderKind.DueToday, 0, "due"), (ReminderKind.Overdue, 3, "after-3"),
        (ReminderKind.Overdue, 10, "after-10"), (ReminderKind.SuspensionWarning, 20, "warning-20"),
    ];

    private static PlannedReminder Reminder(ReminderKind kind, int offset, string stage, string? invoice) =>
        new(Customer.TenantId, invoice, kind, offset, new DateOnly(2026, 11, 13).AddDays(offset), stage, [new ReminderRecipient(Customer.Contacts[0].ObjectId, "pl")]);

    private static Invoice Invoice(InvoiceStatus status, decimal paid) => new(
        "FV/2026/10/017", Customer.TenantId, BillingPeriod.Month(2026, 10), new DateOnly(2026, 10, 30), new DateOnly(2026, 11, 13),
        new Money(1000m, "PLN"), new Money(230m, "PLN"), new Money(1230m, "PLN"), new Money(paid, "PLN"),
        [new InvoiceLine("Microsoft 365 Business Premium", 10m, new Money(1000m, "PLN"))], new Uri("https://billing.contoso.example/FV-2026-10-017.pdf"), status);
}
