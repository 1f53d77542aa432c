using BillingBot.Billing.Collections;
using BillingBot.Billing.Reminders;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.Billing.Tests.Reminders;

/// <summary>
/// Walks a fake clock in quarter hours, plans every customer at each step and "sends" what the scheduler would: each
/// reminder key once per recipient. A run listed as lost plans but sends nothing, as when an instance dies between
/// planning and sending.
/// </summary>
internal sealed class ReminderSimulation(CollectionPolicyBook policies, IReadOnlyList<CustomerHistory> customers)
{
    private readonly HashSet<(string Label, DateTimeOffset At)> _lostRuns = [];

    public List<SentReminder> Sent { get; } = [];

    /// <summary>What the lost runs planned that had not been sent before, as "label invoice stage".</summary>
    public List<string> Lost { get; } = [];

    public ReminderSimulation LoseRun(string label, DateTimeOffset at)
    {
        _lostRuns.Add((label, at));
        return this;
    }

    public ReminderSimulation Run(DateTimeOffset start, DateTimeOffset end)
    {
        var clock = new FakeTimeProvider(start);
        var sentKeys = new HashSet<string>(StringComparer.Ordinal);
        while (clock.GetUtcNow() < end)
        {
            var now = clock.GetUtcNow();
            foreach (var history in customers)
            {
                var plan = ReminderPlanner.Plan(history.At(now), policies.For(history.Customer.TenantId), now);
                if (_lostRuns.Contains((history.Label, now)))
                {
                    Lost.AddRange(plan
                        .Where(r => !Recipients(r).All(p => sentKeys.Contains($"{r.Key}|{p}")))
                        .Select(r => $"{history.Label} {r.InvoiceNumber ?? "-"} {r.StageKey}"));
                    continue;
                }

                var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(history.Customer.TimeZoneId));
                foreach (var reminder in plan)
                {
                    foreach (var recipient in Recipients(reminder))
                    {
                        if (sentKeys.Add($"{reminder.Key}|{recipient}"))
                        {
                            Sent.Add(new SentReminder(history.Label, history.Customer.TenantId, reminder.InvoiceNumber, reminder.StageKey, recipient, local));
                        }
                    }
                }
            }

            clock.Advance(TimeSpan.FromMinutes(15));
        }

        return this;
    }

    // The suspension goes to the partner, whom the scheduler treats as its one recipient.
    private static IEnumerable<string> Recipients(PlannedReminder reminder) =>
        reminder.Recipients.Count == 0 ? ["partner"] : reminder.Recipients.Select(r => $"{r.ObjectId}:{r.Language}");
}
