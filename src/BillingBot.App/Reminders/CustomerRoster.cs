using BillingBot.Billing.Customers;

namespace BillingBot.App.Reminders;

/// <summary>
/// Every customer, read once per UTC day per instance: the period-closing notice goes to all of them, and the
/// new-invoice notice needs their payment terms. It is the sweep's only read that grows with the number of customers,
/// and it happens once a day, not once a sweep.
/// </summary>
public sealed class CustomerRoster(ICustomerRepository customers) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateOnly Day, IReadOnlyList<Customer> Customers)? _cached;

    public async Task<IReadOnlyList<Customer>> ForDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (_cached is { } cached && cached.Day == day)
        {
            return cached.Customers;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is not { } current || current.Day != day)
            {
                _cached = (day, await customers.ListAsync(cancellationToken).ConfigureAwait(false));
            }

            return _cached.Value.Customers;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
