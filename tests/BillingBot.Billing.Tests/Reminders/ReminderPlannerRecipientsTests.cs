using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using static BillingBot.Billing.Tests.Reminders.ReminderWorld;

namespace BillingBot.Billing.Tests.Reminders;

public class ReminderPlannerRecipientsTests
{
    private static readonly DateOnly DueDay = new(2026, 12, 15);
    private static readonly DateTimeOffset Earlier = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Given_primary_billing_and_technical_contacts_Then_the_technical_contact_gets_nothing_and_the_primary_comes_first()
    {
        var plan = ReminderPlanner.Plan(Inputs(Warsaw, DueInWarsaw()), CollectionPolicy.Default, At(Warsaw, DueDay, 9));

        Assert.Equal(["anna", "ben"], Assert.Single(plan).Recipients.Select(r => r.ObjectId));
    }

    [Fact]
    public void Given_no_preferences_Then_everyone_reads_the_customer_language()
    {
        var plan = ReminderPlanner.Plan(Inputs(Warsaw, ReminderControlSet.Empty, DueInWarsaw()), CollectionPolicy.Default, At(Warsaw, DueDay, 9));

        Assert.Equal([new ReminderRecipient("anna", "pl"), new ReminderRecipient("ben", "pl")], Assert.Single(plan).Recipients);
    }

    [Fact]
    public void Given_preferences_Then_the_latest_one_of_each_person_sets_the_language_and_a_reset_returns_to_the_customer_language()
    {
        var controls = ReminderControlSet.Empty with
        {
            Preferences =
            [
                new ReminderPreference(WarsawTenant, "anna", "en", Earlier),
                new ReminderPreference(WarsawTenant, "anna", "pl-PL", Earlier.AddDays(1)),
                new ReminderPreference(WarsawTenant, "ben", "en-GB", Earlier),
                new ReminderPreference(WarsawTenant, "ben", null, Earlier.AddDays(2)),
            ],
        };

        var plan = ReminderPlanner.Plan(Inputs(Warsaw, controls, DueInWarsaw()), CollectionPolicy.Default, At(Warsaw, DueDay, 9));

        Assert.Equal([new ReminderRecipient("anna", "pl"), new ReminderRecipient("ben", "pl")], Assert.Single(plan).Recipients);
    }

    [Fact]
    public void Given_a_German_customer_Then_reminders_are_in_English_unless_the_person_asked_for_Polish()
    {
        var invoice = Invoice(Berlin, "RE-2026-1215", new DateOnly(2026, 12, 1), DueDay);
        var controls = ReminderControlSet.Empty with { Preferences = [new ReminderPreference(BerlinTenant, "greta", "pl", Earlier)] };

        var english = ReminderPlanner.Plan(Inputs(Berlin, ReminderControlSet.Empty, invoice), CollectionPolicy.Default, At(Berlin, DueDay, 9));
        var polish = ReminderPlanner.Plan(Inputs(Berlin, controls, invoice), CollectionPolicy.Default, At(Berlin, DueDay, 9));

        Assert.Equal([new ReminderRecipient("greta", "en")], Assert.Single(english).Recipients);
        Assert.Equal([new ReminderRecipient("greta", "pl")], Assert.Single(polish).Recipients);
    }

    [Fact]
    public void Given_a_customer_with_only_a_technical_contact_Then_no_reminder_is_planned_but_a_suspension_still_is()
    {
        var customer = new Customer(WarsawTenant, "Tiny sp. z o.o.", "PLN", "pl-PL", "Europe/Warsaw", 14, SupportPlan.Basic,
            [new BillingContact("tom", "Tomasz", "it@tiny.example", BillingContactRole.Technical)]);
        var invoice = Invoice(customer, "FV/2026/12/009", new DateOnly(2026, 12, 1), DueDay);

        Assert.Empty(ReminderPlanner.Plan(Inputs(customer, invoice), CollectionPolicy.Default, At(customer, DueDay, 9)));
        Assert.Equal(["FV/2026/12/009 suspension-30 partner"], Describe(ReminderPlanner.Plan(Inputs(customer, invoice), CollectionPolicy.Default, At(customer, new DateOnly(2027, 1, 14), 9))));
    }

    [Fact]
    public void Given_an_invoice_of_another_customer_Then_the_planner_refuses_it()
    {
        var foreign = Invoice(NewYork, "INV-1", new DateOnly(2026, 12, 1), DueDay);

        Assert.Throws<ArgumentException>(() => ReminderPlanner.Plan(Inputs(Warsaw, foreign), CollectionPolicy.Default, At(Warsaw, DueDay, 9)));
    }

    [Fact]
    public void Given_several_invoices_in_any_order_Then_the_plan_is_the_same_ordered_by_stage_date_kind_and_number()
    {
        var policy = CollectionPolicy.Default;
        var now = At(Warsaw, new DateOnly(2026, 12, 29), 9);
        Invoice[] invoices =
        [
            Invoice(Warsaw, "FV/2026/12/020", new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 29)),
            Invoice(Warsaw, "FV/2026/11/002", new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 12)),
            Invoice(Warsaw, "FV/2026/11/001", new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 12)),
            Invoice(Warsaw, "FV/2026/12/030", new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 11)),
            Invoice(Warsaw, "FV/2026/10/001", new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 30)),
        ];

        var plan = Describe(ReminderPlanner.Plan(Inputs(Warsaw, invoices), policy, now));
        var reversed = Describe(ReminderPlanner.Plan(Inputs(Warsaw, [.. invoices.Reverse()]), policy, now));

        Assert.Equal(
            [
                "FV/2026/10/001 warning-20 anna:pl,ben:en",
                "FV/2026/11/001 after-10 anna:pl,ben:en",
                "FV/2026/11/002 after-10 anna:pl,ben:en",
                "FV/2026/12/030 issued anna:pl,ben:en",
                "- closing-2026-12 anna:pl,ben:en",
                "FV/2026/12/020 due anna:pl,ben:en",
            ],
            plan);
        Assert.Equal(plan, reversed);
    }

    private static Invoice DueInWarsaw() => Invoice(Warsaw, "FV/2026/12/001", new DateOnly(2026, 12, 1), DueDay);
}
