using BillingBot.Billing.Customers;

namespace BillingBot.Billing.Support;

/// <summary>
/// The partner's published support offer: what is covered, when and how to reach people, and what each plan costs.
/// </summary>
public sealed record SupportOffer(SupportHours Hours, IReadOnlyList<ContactMethod> Contacts, IReadOnlyList<SupportPlanOffer> Plans)
{
    /// <summary>The offer of the given plan, if the partner publishes it.</summary>
    public SupportPlanOffer? PlanOffer(SupportPlan plan) => Plans.FirstOrDefault(p => p.Plan == plan);
}
