using BillingBot.App.Reminders;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Tests.Reminders;

/// <summary>What the scheduler does before the cards and workflows of others are plugged in, and the settings it refuses.</summary>
public sealed class ReminderDefaultsTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    private static readonly Customer Customer = new("72f988bf-86f1-41af-91ab-2d7cd011db47", "Fabrikam Polska sp. z o.o.", "PLN", "pl-PL", "Europe/Warsaw", 14, SupportPlan.Standard,
        [new BillingContact("anna", "Anna Kowalska", "anna@fabrikam.example", BillingContactRole.Primary)]);

    private static readonly Invoice Invoice = new("FV/2026/11/042", Customer.TenantId, BillingPeriod.Month(2026, 11), new DateOnly(2026, 11, 17), new DateOnly(2026, 12, 1),
        new Money(1000m, "PLN"), new Money(230m, "PLN"), new Money(1230m, "PLN"), Money.Zero("PLN"), [], null, InvoiceStatus.Issued);

    [Theory]
    [InlineData("pl", "Faktura FV/2026/11/042 była płatna do 1.12.2026 i nadal nie została opłacona. Jeśli nie zostanie opłacona, dostęp do subskrypcji może zostać zawieszony od 31.12.2026.")]
    [InlineData("en", "Invoice FV/2026/11/042 was due on 01/12/2026 and is still unpaid. Unless it is paid, access to your subscriptions may be suspended from 31/12/2026.")]
    public void The_plain_reminder_speaks_the_recipients_language_names_the_suspension_date_and_shows_no_amount(string language, string expected)
    {
        var factory = new PlainReminderMessageFactory(new CollectionPolicyBook(CollectionPolicy.Default));
        var reminder = new PlannedReminder(Customer.TenantId, Invoice.Number, ReminderKind.SuspensionWarning, 20, new DateOnly(2026, 12, 21), "warning-20", [new ReminderRecipient("anna", language)]);

        var message = factory.Create(reminder, reminder.Recipients[0], Customer, Invoice, new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(expected, message.Text);
        Assert.DoesNotContain("1230", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plain_card_update_says_the_invoice_is_paid()
    {
        var factory = new PlainReminderMessageFactory(new CollectionPolicyBook(CollectionPolicy.Default));
        var reminder = new PlannedReminder(Customer.TenantId, Invoice.Number, ReminderKind.DueToday, 0, new DateOnly(2026, 12, 1), "due", [new ReminderRecipient("anna", "pl")]);
        var paid = Invoice.ApplyPayments([new BillingBot.Billing.Payments.Payment("P1", Customer.TenantId, Invoice.Number, DateTimeOffset.UnixEpoch, new Money(1230m, "PLN"), BillingBot.Billing.Payments.PaymentMethod.BankTransfer, null)]);

        var update = factory.Update(reminder, reminder.Recipients[0], Customer, paid, new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal("Faktura FV/2026/11/042 jest opłacona. Dziękujemy!", update.Text);
    }

    [Fact]
    public async Task A_claim_timeout_that_a_retrying_send_could_outlive_is_refused()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var instance = world.StartInstance("one", settings: new Dictionary<string, string?> { ["Reminders:ClaimTimeout"] = "00:01:00" });

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => instance.SweepAsync(world.Time.GetUtcNow()));

        Assert.Contains("Reminders:ClaimTimeout (00:01:00) must exceed Connector:TotalTimeout (00:01:30)", refused.Message, StringComparison.Ordinal);
    }
}
