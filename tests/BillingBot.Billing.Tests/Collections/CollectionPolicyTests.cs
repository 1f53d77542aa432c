using BillingBot.Billing.Collections;

namespace BillingBot.Billing.Tests.Collections;

public class CollectionPolicyTests
{
    [Fact]
    public void Given_the_default_policy_When_an_invoice_is_due_on_12_December_Then_access_may_be_suspended_from_11_January()
    {
        var due = new DateOnly(2026, 12, 12);

        Assert.Equal(new DateOnly(2026, 12, 12), CollectionPolicy.Default.PaymentDeadline(due));
        Assert.Equal(new DateOnly(2027, 1, 11), CollectionPolicy.Default.SuspensionDate(due));
        Assert.Equal(new DateOnly(2027, 1, 1), CollectionPolicy.Default.SuspensionWarningDate(due));
        Assert.Empty(CollectionPolicy.Default.Validate());
    }

    [Fact]
    public void Given_a_grace_period_Then_the_payment_deadline_moves_but_the_suspension_date_counts_from_the_due_date()
    {
        var policy = CollectionPolicy.Default with { GraceDays = 5, SuspensionAfterDays = 45 };
        var due = new DateOnly(2027, 2, 28);

        Assert.Equal(new DateOnly(2027, 3, 5), policy.PaymentDeadline(due));
        Assert.Equal(new DateOnly(2027, 4, 14), policy.SuspensionDate(due));
    }

    [Theory]
    [InlineData(30, 10, 20, "Suspension must come after the grace period.")]
    [InlineData(0, 30, 30, "The suspension warning must come after the grace period and before the suspension.")]
    [InlineData(-1, 20, 30, "Grace days cannot be negative.")]
    public void Given_an_inconsistent_policy_Then_validation_names_the_problem(int grace, int warning, int suspension, string expected)
    {
        var policy = CollectionPolicy.Default with { GraceDays = grace, SuspensionWarningDays = warning, SuspensionAfterDays = suspension, OverdueNoticeDays = [] };

        Assert.Contains(expected, policy.Validate());
    }

    [Fact]
    public void Given_notices_after_the_suspension_Then_validation_refuses_them()
    {
        var policy = CollectionPolicy.Default with { OverdueNoticeDays = [3, 35] };

        Assert.Contains("Overdue notices must come before the suspension.", policy.Validate());
    }
}
