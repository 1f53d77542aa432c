using BillingBot.Billing.Customers;

namespace BillingBot.App.Suspensions;

/// <summary>Which billing contacts a notice reached in Teams and which it could not (no reference, removed or blocked).</summary>
public sealed record NoticeDelivery(IReadOnlyList<BillingContact> Reached, IReadOnlyList<BillingContact> Unreachable)
{
    public int Contacts => Reached.Count + Unreachable.Count;
}
