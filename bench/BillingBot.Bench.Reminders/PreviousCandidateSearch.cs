using BillingBot.App.Reminders;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Storage.Reminders;

namespace BillingBot.Bench.Reminders;

/// <summary>
/// The reads of the candidate search as it was before the index carried the invoices' state (commit bbceb70): the same
/// due-date ranges, each indexed invoice then read by a point read (<see cref="IInvoiceRepository.ListDueBetweenAsync"/>),
/// and the watch list. Replayed on the same store, so the bench shows before and after side by side.
/// </summary>
internal static class PreviousCandidateSearch
{
    public static async Task<int> ReadAsync(IServiceProvider services, IReadOnlyList<Customer> roster, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The same ranges as the search reads now; only how each indexed invoice is read differs.
        var invoices = services.GetRequiredService<IInvoiceRepository>();
        var ranges = services.GetRequiredService<ReminderCandidates>().RangesFor(DateOnly.FromDateTime(now.UtcDateTime), roster);
        var found = 0;
        foreach (var (from, to) in ranges.Ranges)
        {
            found += (await invoices.ListDueBetweenAsync(from, to, cancellationToken).ConfigureAwait(false)).Count;
        }

        await services.GetRequiredService<TableReminderWatch>().ListAsync(cancellationToken).ConfigureAwait(false);
        return found;
    }
}
