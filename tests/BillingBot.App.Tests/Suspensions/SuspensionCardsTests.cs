using System.Collections;
using System.Globalization;
using System.Resources;
using BillingBot.App.Configuration;
using BillingBot.App.Reminders;
using BillingBot.App.Resources;
using BillingBot.App.Suspensions;
using BillingBot.App.Suspensions.Cards;
using BillingBot.Billing;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Suspensions;
using BillingBot.Billing.Support;
using BillingBot.Protocol.Cards;
using BillingBot.TestKit.Cards;
using static BillingBot.App.Tests.Conversations.BillingCardsTests;

namespace BillingBot.App.Tests.Suspensions;

/// <summary>Every suspension card, in Polish and English and in every state of a case, passes the Teams schema and the renderer.</summary>
public sealed class SuspensionCardsTests(AdaptiveCardChecks checks) : IClassFixture<AdaptiveCardChecks>
{
    private static readonly DateOnly Today = new(2026, 12, 14);
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 8, 0, 0, TimeSpan.Zero);
    private static readonly StaffMember Admin = new("0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b", "Ewa Kamińska", [StaffRole.BillingAdmin]);
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public static TheoryData<string> Languages => new() { "pl-PL", "en-US" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_suspension_card_is_valid_for_Teams(string language)
    {
        var format = new SuspensionFormat(CultureInfo.GetCultureInfo(language), Warsaw);
        var customer = Customer(language);
        var overdue = Overdue(customer);
        var cards = States(customer).Select(c => ApprovalCard.Build(View(customer, c, overdue, History(customer, overdue, 3)), format)).ToList();
        cards.Add(ApprovalCard.Build(View(customer, Requested(customer), [], []), format));
        cards.Add(ApprovalCard.Build(View(customer, Requested(customer), overdue, History(customer, overdue, 40)), format));
        cards.Add(SuspendedNoticeCard.Build(customer, overdue, Context(new Uri("https://pay.contoso.example")), format));
        cards.Add(SuspendedNoticeCard.Build(customer, overdue.Take(1).ToList(), Context(null), format));
        cards.Add(RestoredNoticeCard.Build(customer, Context(null), format));
        cards.Add(BillingTeamNoticeCard.Build(new BillingTeamNotice(customer.TenantId, "Access restored: " + customer.Name, "Nothing is overdue any more."), customer.Name, format));
        cards.Add(BillingTeamNoticeCard.Build(new BillingTeamNotice(customer.TenantId, "A contact can no longer be reached", "Tell them by e-mail."), null, format));

        var problems = await checks.ProblemsOfAllAsync([.. cards.Select(AdaptiveCardSerializer.Serialize)]);

        Assert.All(problems.Select((p, i) => (p, i)), x => Assert.True(x.p.Count == 0, $"card {x.i}: {string.Join("; ", x.p)}"));
        Assert.All(cards, c => Assert.True(new AdaptiveCardSerializer().IsWithinLimit(c), $"{AdaptiveCardSerializer.GetSizeInBytes(c)} bytes"));
    }

    [Fact]
    public void A_Polish_agents_channel_gets_the_approval_in_Polish_with_Polish_amounts_and_dates()
    {
        var customer = Customer("pl-PL");
        var format = new SuspensionFormat(CultureInfo.GetCultureInfo("pl-PL"), Warsaw);

        var text = CardText(ApprovalCard.Build(View(customer, Requested(customer), Overdue(customer), History(customer, Overdue(customer), 7)), format));

        Assert.Contains("Zgoda na zawieszenie dostępu: Fabrikam Polska sp. z o.o.", text, StringComparison.Ordinal);
        Assert.Contains("Czeka na decyzję administratora rozliczeń", text, StringComparison.Ordinal);
        Assert.Contains("2\u00A0460,00\u00A0zł", text, StringComparison.Ordinal);
        Assert.Contains("Ostrzeżenie o zawieszeniu", text, StringComparison.Ordinal);
        Assert.Contains("Zatwierdź zawieszenie", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_reminder_history_shows_its_latest_entries_and_says_how_many_there_are()
    {
        var customer = Customer("en-GB");
        var overdue = Overdue(customer);
        var format = new SuspensionFormat(CultureInfo.GetCultureInfo("en-US"), Warsaw);

        var text = CardText(ApprovalCard.Build(View(customer, Requested(customer), overdue, History(customer, overdue, 40)), format));

        Assert.Contains($"The last {ApprovalCard.MaxHistory} of 80.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_customer_notice_says_what_happened_which_invoices_how_to_restore_access_and_how_to_reach_support()
    {
        var customer = Customer("en-GB");
        var format = new SuspensionFormat(CultureInfo.GetCultureInfo("en-US"), Warsaw);

        var text = CardText(SuspendedNoticeCard.Build(customer, Overdue(customer), Context(new Uri("https://pay.contoso.example")), format));

        Assert.Contains("Contoso Cloud has suspended access to the Microsoft subscriptions of Tailspin Toys B.V.", text, StringComparison.Ordinal);
        Assert.Contains("FV/2026/10/001", text, StringComparison.Ordinal);
        Assert.Contains("PL61 1090 1014 0000 0712 1981 2874", text, StringComparison.Ordinal);
        Assert.Contains("Access returns once the payment is recorded", text, StringComparison.Ordinal);
        Assert.Contains("billing@contoso.example, +48 22 555 01 00", text, StringComparison.Ordinal);
        Assert.Contains("https://pay.contoso.example", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_suspension_text_exists_in_Polish_and_in_English()
    {
        var manager = new ResourceManager("BillingBot.App.Resources.SuspensionTexts", typeof(SuspensionTexts).Assembly);
        var english = Keys(manager.GetResourceSet(CultureInfo.InvariantCulture, true, false)!);
        var polish = Keys(manager.GetResourceSet(CultureInfo.GetCultureInfo("pl"), true, false)!);

        Assert.Equal(english, polish);
        Assert.All(Enum.GetValues<SuspensionEventKind>(), k => Assert.Contains("Event_" + k, english));
        Assert.All(Enum.GetValues<ReminderKind>(), k => Assert.Contains("Kind_" + k, english));
    }

    private static SortedSet<string> Keys(ResourceSet set) =>
        new(set.Cast<DictionaryEntry>().Select(e => (string)e.Key), StringComparer.Ordinal);

    private static IEnumerable<SuspensionCase> States(Customer customer)
    {
        var requested = Requested(customer);
        var postponed = requested.Postpone(Admin, Today.AddDays(7), Now.AddMinutes(5));
        var approved = requested.Approve(Admin, Now.AddMinutes(5));
        var order = new AccessOrder(requested.CaseId + "-suspend", AccessOrderKind.Suspend, customer.TenantId, requested.CaseId, Admin.ObjectId, Now.AddMinutes(5), AccessOrderStatus.Recorded);
        var suspended = approved.Suspended(order, Now.AddMinutes(5)).ToldOfSuspension(1, 2, Now.AddMinutes(6));
        var restore = order with { OrderId = requested.CaseId + "-restore", Kind = AccessOrderKind.Restore };
        var restored = suspended.Restore(restore, Now.AddDays(3)).ToldOfRestore(2, 2, Now.AddDays(3));
        return [requested, postponed, postponed.AskAgain(Now.AddDays(7)), approved, suspended, restored, requested.Withdraw(Now.AddDays(1))];
    }

    private static SuspensionCase Requested(Customer customer) =>
        SuspensionCase.Open(customer.TenantId, $"{customer.TenantId}|FV/2026/10/001|suspension-30", "FV/2026/10/001", Now)
            .AskedAgents(new PostedMessage("19:agents@thread.tacv2", "1765700000001"), Now);

    private static ApprovalView View(Customer customer, SuspensionCase suspension, IReadOnlyList<Invoice> overdue, IReadOnlyList<ReminderHistoryEntry> history) =>
        new(customer, suspension, overdue, history, Today, CollectionPolicy.Default, WithActions: true, ["0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b"]);

    private static CustomerNoticeContext Context(Uri? cardPayment) => new(
        "Contoso Cloud",
        new PaymentOptions { BankName = "mBank S.A.", AccountNumber = "PL61 1090 1014 0000 0712 1981 2874", CardPaymentUrl = cardPayment },
        [new ContactMethod(ContactKind.Email, "billing@contoso.example"), new ContactMethod(ContactKind.Phone, "+48 22 555 01 00")],
        30);

    private static Customer Customer(string language) => language.StartsWith("pl", StringComparison.Ordinal)
        ? new("00000000-0000-0000-0000-0000000000a1", "Fabrikam Polska sp. z o.o.", "PLN", "pl-PL", "Europe/Warsaw", 14, SupportPlan.Standard,
            [new BillingContact("11111111-0000-0000-0000-000000000001", "Anna Wiśniewska", "anna@fabrikam.example", BillingContactRole.Primary)])
        : new("00000000-0000-0000-0000-0000000000a2", "Tailspin Toys B.V.", "EUR", "en-GB", "Europe/Amsterdam", 14, SupportPlan.Standard,
            [new BillingContact("11111111-0000-0000-0000-000000000002", "Alice Brown", "alice@tailspin.example", BillingContactRole.Primary)]);

    private static List<Invoice> Overdue(Customer customer) =>
    [
        Invoice(customer, "FV/2026/10/001", Today.AddDays(-45)),
        Invoice(customer, "FV/2026/11/002", Today.AddDays(-31)),
    ];

    private static List<ReminderHistoryEntry> History(Customer customer, IReadOnlyList<Invoice> invoices, int perInvoice) =>
    [
        .. invoices.SelectMany(i => Enumerable.Range(0, perInvoice).Select(k => new ReminderHistoryEntry(
            customer.TenantId, i.Number, (ReminderKind)(k % 7), "stage-" + k, customer.Contacts[0].ObjectId, Now.AddDays(-40 + k)))),
    ];

    private static Invoice Invoice(Customer customer, string number, DateOnly due)
    {
        var tax = customer.Currency == "PLN" ? 230m : 0m;
        return new Invoice(number, customer.TenantId, BillingPeriod.Month(2026, 9), due.AddDays(-14), due,
            new Money(1000m, customer.Currency), new Money(tax, customer.Currency), new Money(1000m + tax, customer.Currency), Money.Zero(customer.Currency),
            [], null, InvoiceStatus.Overdue);
    }
}
