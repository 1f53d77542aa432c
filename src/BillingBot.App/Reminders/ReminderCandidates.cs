using System.Globalization;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Storage.Reminders;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Reminders;

/// <summary>
/// Finds the tenants that may have a reminder due, without reading every invoice stored: a sweep's cost grows with the
/// invoices inside the policy's window, not with the whole history.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>The due-date index over the policy's window: from the suspension stage (plus <see cref="ReminderOptions.CatchUpDays"/>,
/// so a stage held back by a weekend, holidays or an outage is still found) to the earliest reminder before the due date
/// (plus <see cref="ReminderOptions.LookAheadDays"/>).</item>
/// <item>New-invoice notices: an invoice issued in the last working days falls due one payment term later, so the index
/// is also read one term ahead, per distinct term among the customers.</item>
/// <item>Period-closing notices go to every customer on the last days of the month: then each customer whose own
/// calendar is in those days is visited.</item>
/// <item>The watch list: tenants whose snooze, promise or payment claim ends later, or whose invoice reached the
/// suspension stage and is still owed (the approval and the restore must follow it past the window).</item>
/// </list>
/// Items 2 and 3 use the <see cref="CustomerRoster"/>, read once a day.
/// </remarks>
public sealed class ReminderCandidates(
    IInvoiceRepository invoices,
    CustomerRoster customerRoster,
    TableReminderWatch watch,
    CollectionPolicyBook policies,
    IOptions<ReminderOptions> options)
{
    public async Task<ReminderCandidateSet> FindAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Customers' calendars run from UTC-12 to UTC+14: their "today" is within a day of ours.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var all = policies.ByTenant.Values.Append(policies.Default).ToList();
        // Per tenant, what brought it here: its fingerprint is made of these.
        var tenants = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string tenantId, string part)
        {
            if (!tenants.TryGetValue(tenantId, out var parts))
            {
                tenants[tenantId] = parts = [];
            }

            parts.Add(part);
        }

        var roster = all.Any(p => p.NotifyInvoiceIssued || p.NotifyPeriodClosing)
            ? await customerRoster.ForDayAsync(today, cancellationToken).ConfigureAwait(false)
            : [];
        var (windowFrom, windowTo, issuedFrom, ranges) = RangesFor(today, roster);

        foreach (var (from, to) in ranges)
        {
            // The index's own copy of each invoice's state: a payment or a change shows in the fingerprint without a read of
            // the invoice (the visit reads the invoices themselves).
            foreach (var invoice in await invoices.ListDueEntriesBetweenAsync(from, to, cancellationToken).ConfigureAwait(false))
            {
                if ((invoice.DueDate >= windowFrom && invoice.DueDate <= windowTo) || invoice.IssueDate >= issuedFrom)
                {
                    Add(invoice.TenantId, string.Create(CultureInfo.InvariantCulture,
                        $"invoice:{invoice.Number}:{invoice.DueDate:yyyyMMdd}:{invoice.Status}:{invoice.AmountPaidMinor}:{invoice.GrossMinor}"));
                }
            }
        }

        foreach (var customer in roster)
        {
            var policy = policies.For(customer.TenantId);
            var local = customer.LocalDate(now);
            if (policy.NotifyPeriodClosing && local >= policy.PeriodClosingDate(local))
            {
                Add(customer.TenantId, "closing");
            }
        }

        var expired = new List<WatchedTenant>();
        foreach (var watched in await watch.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (watched.Until.AddDays(settings.CatchUpDays) >= today.AddDays(-1))
            {
                Add(watched.TenantId, string.Create(CultureInfo.InvariantCulture, $"watch:{watched.Reason}:{watched.Until:yyyyMMdd}"));
            }
            else
            {
                expired.Add(watched);
            }
        }

        // Each instance walks the tenants in an order of its own, so instances spread out rather than queue on the same claims.
        var instance = settings.InstanceId ?? string.Empty;
        return new ReminderCandidateSet(
            [.. tenants
                .OrderBy(t => HashCode.Combine(instance, t.Key))
                .ThenBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => new ReminderCandidate(t.Key, string.Join(';', t.Value.Order(StringComparer.Ordinal))))],
            expired);
    }

    /// <summary>
    /// The due dates a day's search reads, merged into ranges: the policy's window (from the suspension stage plus the
    /// catch-up days to the earliest reminder ahead plus the look-ahead) and, per payment term among the customers on the
    /// roster, the due dates of invoices issued recently enough for a new-invoice notice (from <c>IssuedFrom</c> on).
    /// </summary>
    public ReminderSearchRanges RangesFor(DateOnly today, IReadOnlyList<Customer> roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var settings = options.Value;
        var all = policies.ByTenant.Values.Append(policies.Default).ToList();
        var windowFrom = today.AddDays(-all.Max(p => p.SuspensionAfterDays) - settings.CatchUpDays);
        var windowTo = today.AddDays(all.Max(p => p.ReminderDaysBeforeDue.DefaultIfEmpty(0).Max()) + settings.LookAheadDays);
        var ranges = new List<(DateOnly From, DateOnly To)> { (windowFrom, windowTo) };
        var issuedFrom = today;
        foreach (var group in roster.Where(c => policies.For(c.TenantId).NotifyInvoiceIssued).GroupBy(c => (Term: c.PaymentTermDays, Policy: policies.For(c.TenantId))))
        {
            var earliest = EarliestIssueDate(group.Key.Policy, today).AddDays(-1);
            issuedFrom = earliest < issuedFrom ? earliest : issuedFrom;
            ranges.Add((earliest.AddDays(group.Key.Term), today.AddDays(1 + group.Key.Term)));
        }

        return new ReminderSearchRanges(windowFrom, windowTo, issuedFrom, [.. Merge(ranges)]);
    }

    /// <summary>The earliest issue date whose new-invoice notice may still be due today under a policy.</summary>
    private static DateOnly EarliestIssueDate(CollectionPolicy policy, DateOnly today)
    {
        // The notice goes while fewer than N working days passed since the issue date; walk back to the N-th.
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
