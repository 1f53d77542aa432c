namespace BillingBot.Billing.Suspensions;

/// <summary>
/// The port through which a customer's access to its subscriptions is suspended and restored. The default
/// implementation records the order and logs it for a person to apply; a Partner Center implementation plugs in here.
/// Asking again with the same <see cref="AccessChange.OrderId"/> must not place a second order.
/// </summary>
public interface IAccessControl
{
    Task<AccessOrder> SuspendAsync(AccessChange change, CancellationToken cancellationToken);

    Task<AccessOrder> RestoreAsync(AccessChange change, CancellationToken cancellationToken);
}
