using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;

namespace BillingBot.App.Reminders;

/// <summary>
/// What the planner will send a person in the coming weeks, found by asking the planner itself about each coming day
/// (at noon, customer's time), so the preview can never disagree with what is sent.
/// </summary>
public sealed class ReminderSchedulePreview(IInvoiceRepository invoices, IReminderControls controls, CollectionPolicyBook policies)
{
    private const int Days = 45;

    public async Task<IReadOnlyList<(DateOnly Day, PlannedReminder Reminder)>> NextForAsync(Customer customer, string objectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inputs = new ReminderInputs(
            customer,
            await invoices.ListForCustomerAsync(customer.TenantId, cancellationToken).ConfigureAwait(false),
            await controls.ForCustomerAsync(customer.TenantId, cancellationToken).ConfigureAwait(false));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(DateOnly, PlannedReminder)>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(customer.TimeZoneId);
        var today = customer.LocalDate(now);
        for (var day = today; day <= today.AddDays(Days); day = day.AddDays(1))
        {
            var noon = day.ToDateTime(new TimeOnly(12, 0));
            var at = new DateTimeOffset(noon, zone.GetUtcOffset(noon));
            if (at < now)
            {
                continue;
            }

            foreach (var reminder in ReminderPlanner.Plan(inputs, policies.For(customer.TenantId), at))
            {
                if (reminder.InvoiceNumber is not null && reminder.Recipients.Any(r => r.ObjectId == objectId) && seen.Add(reminder.Key))
                {
                    result.Add((day, reminder));
                }
            }
        }

        return result;
    }
}
