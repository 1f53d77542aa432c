using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Storage.Reminders;

namespace BillingBot.App.Reminders;

/// <summary>
/// What the sweeps of a day would send, worked out from the same candidates and planner without claiming or sending
/// anything: each candidate customer is planned at every hour of that day in its own calendar, and the ledger says
/// what is already done. Invoices and payments are as stored now, so a future day is a forecast.
/// </summary>
public sealed class ReminderForecast(
    ReminderCandidates candidates,
    ICustomerRepository customers,
    IInvoiceRepository invoices,
    IReminderControls controls,
    CollectionPolicyBook policies,
    TableReminderLedger ledger)
{
    public async Task<IReadOnlyList<ReminderForecastRow>> ForDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var noon = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var found = await candidates.FindAsync(noon, cancellationToken).ConfigureAwait(false);
        var rows = new List<ReminderForecastRow>();
        foreach (var tenantId in found.Tenants.Select(t => t.TenantId))
        {
            if (await customers.FindAsync(tenantId, cancellationToken).ConfigureAwait(false) is not { } customer)
            {
                continue;
            }

            var inputs = new ReminderInputs(
                customer,
                await invoices.ListForCustomerAsync(tenantId, cancellationToken).ConfigureAwait(false),
                await controls.ForCustomerAsync(tenantId, cancellationToken).ConfigureAwait(false));
            foreach (var (reminder, from) in PlanDay(inputs, policies.For(tenantId), day))
            {
                var states = new List<ReminderLedgerState?>();
                foreach (var delivery in ReminderDelivery.Of(reminder))
                {
                    states.Add((await ledger.FindAsync(delivery, cancellationToken).ConfigureAwait(false))?.State);
                }

                var recipients = reminder.Recipients
                    .Select(r => new ReminderForecastRecipient(r.ObjectId, customer.FindContact(r.ObjectId)?.Name ?? r.ObjectId, r.Language))
                    .ToList();
                rows.Add(new ReminderForecastRow(customer.Name, tenantId, reminder.InvoiceNumber, reminder.Kind, reminder.StageKey, from, recipients, states));
            }
        }

        return [.. rows
            .OrderBy(r => r.Customer, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.TenantId, StringComparer.Ordinal)
            .ThenBy(r => r.InvoiceNumber, StringComparer.Ordinal)
            .ThenBy(r => r.StageKey, StringComparer.Ordinal)];
    }

    /// <summary>The reminders planned at any hour of the customer's day, each with the first local hour it is due.</summary>
    private static IEnumerable<(PlannedReminder Reminder, DateTimeOffset From)> PlanDay(ReminderInputs inputs, CollectionPolicy policy, DateOnly day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(inputs.Customer.TimeZoneId);
        var seen = new Dictionary<string, (PlannedReminder Reminder, DateTimeOffset From)>(StringComparer.Ordinal);
        for (var hour = 0; hour < 24; hour++)
        {
            var local = day.ToDateTime(new TimeOnly(hour, 0));
            if (zone.IsInvalidTime(local))
            {
                continue;
            }

            var instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
            foreach (var reminder in ReminderPlanner.Plan(inputs, policy, instant))
            {
                seen.TryAdd(reminder.Key, (reminder, instant));
            }
        }

        return seen.Values;
    }
}
