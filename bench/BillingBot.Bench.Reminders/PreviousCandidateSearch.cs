using BillingBot.App.Reminders;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Storage.Reminders;
using Microsoft.Extensions.Options;

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
        var settings = services.GetRequiredService<IOptions<ReminderOptions>>().Value;
        var policies = services.GetRequiredService<CollectionPolicyBook>();
        var invoices = services.GetRequiredService<IInvoiceRepository>();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var all = policies.ByTenant.Values.Append(policies.Default).ToList();
        var windowFrom = today.AddDays(-all.Max(p => p.SuspensionAfterDays) - settings.CatchUpDays);
        var windowTo = today.AddDays(all.Max(p => p.ReminderDaysBeforeDue.DefaultIfEmpty(0).Max()) + settings.LookAheadDays);
        var ranges = new List<(DateOnly From, DateOnly To)> { (windowFrom, windowTo) };
        foreach (var group in roster.Where(c => policies.For(c.TenantId).NotifyInvoiceIssued).GroupBy(c => (Term: c.PaymentTermDays, Policy: policies.For(c.TenantId))))
        {
            var earliest = EarliestIssueDate(group.Key.Policy, today).AddDays(-1);
            ranges.Add((earliest.AddDays(group.Key.Term), today.AddDays(1 + group.Key.Term)));
        }

        var found = 0;
        foreach (var (from, to) in Merge(ranges))
        {
            found += (await invoices.ListDueBetweenAsync(from, to, cancellationToken).ConfigureAwait(false)).Count;
        }

        await services.GetRequiredService<TableReminderWatch>().ListAsync(cancellationToken).ConfigureAwait(false);
        return found;
    }

    private static DateOnly EarliestIssueDate(CollectionPolicy policy, DateOnly today)
    {
        var day = today;
        for (var workingDays = 0; workingDays < policy.InvoiceIssuedNoticeWorkingDays && day > today.AddDays(-366);)
        {
            day = day.AddDays(-1);
            if (policy.IsWorkingDay(day))
            {
                workingDays++;
            }
        }

        return day;
    }

    private static IEnumerable<(DateOnly From, DateOnly To)> Merge(List<(DateOnly From, DateOnly To)> ranges)
    {
        (DateOnly From, DateOnly To)? current = null;
        foreach (var range in ranges.OrderBy(r => r.From))
        {
            if (current is { } open && range.From <= open.To.AddDays(1))
            {
                current = (open.From, range.To > open.To ? range.To : open.To);
            }
            else
            {
                if (current is { } done)
                {
                    yield return done;
                }

                current = range;
            }
        }

        if (current is { } last)
        {
            yield return last;
        }
    }
}
