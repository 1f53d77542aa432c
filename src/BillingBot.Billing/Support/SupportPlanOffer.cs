using BillingBot.Billing.Customers;

namespace BillingBot.Billing.Support;

/// <summary>The price and promise of one support plan: a monthly fee, a first-response target and what it covers.</summary>
public sealed record SupportPlanOffer(SupportPlan Plan, Money MonthlyPrice, TimeSpan ResponseTimeTarget, IReadOnlyList<SupportTopic> Covered);
