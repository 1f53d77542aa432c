using BillingBot.Billing.Customers;

namespace BillingBot.Billing.Tests.Customers;

public class CustomerTests
{
    private const string Primary = "00000000-0000-0000-0000-0000000000020";
    private const string Accounts = "5d2e7a10-3b4c-4d5e-8f60-718293a4b5c6";
    private const string ItAdmin = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

    [Theory]
    [InlineData(Primary, true)]
    [InlineData(Accounts, true)]
    [InlineData("5D2E7A10-3B4C-4D5E-8F60-718293A4B5C6", true)]
    [InlineData(ItAdmin, false)]
    [InlineData("11111111-2222-4333-8444-555555555555", false)]
    public void Only_primary_and_billing_contacts_may_see_amounts(string objectId, bool allowed)
    {
        Assert.Equal(allowed, Fabrikam().CanSeeAmounts(objectId));
    }

    [Fact]
    public void A_technical_contact_is_a_contact_but_sees_no_amounts()
    {
        var contact = Fabrikam().FindContact(ItAdmin);

        Assert.Equal(BillingContactRole.Technical, contact?.Role);
        Assert.False(contact!.CanSeeAmounts);
    }

    [Fact]
    public void Today_for_the_customer_is_the_date_in_its_time_zone()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 26), Fabrikam().LocalDate(lateEvening));
        Assert.Equal(new DateOnly(2026, 11, 25), Fabrikam(timeZone: "Europe/London").LocalDate(lateEvening));
    }

    [Fact]
    public void The_due_date_follows_the_payment_term()
    {
        Assert.Equal(new DateOnly(2026, 11, 13), Fabrikam().DueDateFor(new DateOnly(2026, 10, 30)));
    }

    [Theory]
    [InlineData("", "PLN", "pl-PL", "Europe/Warsaw", 14)]
    [InlineData("t", "zł", "pl-PL", "Europe/Warsaw", 14)]
    [InlineData("t", "PLN", "xx-QQ", "Europe/Warsaw", 14)]
    [InlineData("t", "PLN", "pl-PL", "Europe/Nowhere", 14)]
    [InlineData("t", "PLN", "pl-PL", "Europe/Warsaw", -1)]
    public void A_customer_with_invalid_settings_is_refused(string tenant, string currency, string locale, string timeZone, int term)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Customer(tenant, "Fabrikam", currency, locale, timeZone, term, SupportPlan.Basic, []));
    }

    [Fact]
    public void A_contact_listed_twice_and_a_malformed_email_are_refused()
    {
        var anna = new BillingContact(Primary, "Alex Wilber", "alex@fabrikam.example", BillingContactRole.Primary);

        Assert.Throws<ArgumentException>(() => new Customer("t", "F", "PLN", "pl-PL", "Europe/Warsaw", 14, SupportPlan.Basic, [anna, anna]));
        Assert.Throws<ArgumentException>(() => new BillingContact(Primary, "Alex", "Alex <alex@fabrikam.example>", BillingContactRole.Primary));
    }

    [Fact]
    public void Customers_with_the_same_content_are_equal()
    {
        Assert.Equal(Fabrikam(), Fabrikam());
        Assert.NotEqual(Fabrikam(), Fabrikam(timeZone: "Europe/London"));
    }

    private static Customer Fabrikam(string timeZone = "Europe/Warsaw") => new(
        "00000000-0000-0000-0000-0000000000001",
        "Fabrikam Polska sp. z o.o.",
        "PLN",
        "pl-PL",
        timeZone,
        14,
        SupportPlan.Standard,
        [
            new BillingContact(Primary, "Alex Wilber", "alex.wilber@fabrikam.example", BillingContactRole.Primary),
            new BillingContact(Accounts, "Katarzyna Nowak", "ksiegowosc@fabrikam.example", BillingContactRole.Billing),
            new BillingContact(ItAdmin, "Piotr Zieliński", "it@fabrikam.example", BillingContactRole.Technical),
        ]);
}
