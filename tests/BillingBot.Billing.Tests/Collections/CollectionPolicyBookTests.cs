using BillingBot.Billing.Collections;

namespace BillingBot.Billing.Tests.Collections;

public class CollectionPolicyBookTests
{
    private const string Contoso = "0b2f6a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    private const string Fabrikam = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";

    [Fact]
    public void Given_a_customer_with_its_own_policy_Then_it_gets_that_policy_and_everyone_else_the_partner_policy()
    {
        var longer = CollectionPolicy.Default with { GraceDays = 7, SuspensionAfterDays = 45 };
        var book = new CollectionPolicyBook(CollectionPolicy.Default, new Dictionary<string, CollectionPolicy> { [Contoso] = longer });

        Assert.Same(longer, book.For(Contoso));
        Assert.Same(longer, book.For(Contoso.ToUpperInvariant()));
        Assert.Same(CollectionPolicy.Default, book.For(Fabrikam));
        Assert.Same(CollectionPolicy.Default, new CollectionPolicyBook(CollectionPolicy.Default).For(Contoso));
    }

    [Fact]
    public void Given_one_tenant_listed_twice_in_different_case_Then_the_book_is_refused()
    {
        var twice = new Dictionary<string, CollectionPolicy>(StringComparer.Ordinal)
        {
            [Contoso] = CollectionPolicy.Default,
            [Contoso.ToUpperInvariant()] = CollectionPolicy.Default with { GraceDays = 3 },
        };

        Assert.Throws<ArgumentException>(() => new CollectionPolicyBook(CollectionPolicy.Default, twice));
    }

    [Fact]
    public void Given_an_unsound_customer_policy_Then_validation_names_the_customer_and_the_problem()
    {
        var book = new CollectionPolicyBook(
            CollectionPolicy.Default,
            new Dictionary<string, CollectionPolicy>
            {
                [Fabrikam] = CollectionPolicy.Default with { PaymentClaimPauseDays = -2 },
                [Contoso] = CollectionPolicy.Default,
            });

        Assert.Equal([$"{Fabrikam}: The pause after a payment claim cannot be negative."], book.Validate());
        Assert.Empty(new CollectionPolicyBook(CollectionPolicy.Default).Validate());
    }
}
