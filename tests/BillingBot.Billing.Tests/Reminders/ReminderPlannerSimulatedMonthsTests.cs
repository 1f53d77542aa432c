using BillingBot.Billing.Collections;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using static BillingBot.Billing.Tests.Reminders.ReminderWorld;

namespace BillingBot.Billing.Tests.Reminders;

/// <summary>
/// Months walked quarter hour by quarter hour, with the exact reminders the policy implies written out by hand:
/// who gets what, and at which local time (with its UTC offset, so a DST slip shows).
/// </summary>
public class ReminderPlannerSimulatedMonthsTests
{
    [Fact]
    public void Given_Warsaw_and_New_York_customers_from_January_to_April_2028_Then_exactly_the_reminders_the_policy_implies_are_sent()
    {
        // Warsaw: the partner's policy with Polish holidays. New York: its own policy, a 5-day grace period and no
        // period-closing notices. Europe moves to summer time on 26 March, the United States on 12 March.
        var policies = new CollectionPolicyBook(
            CollectionPolicy.Default with { Holidays = [new DateOnly(2028, 1, 1), new DateOnly(2028, 1, 6), new DateOnly(2028, 4, 17)] },
            new Dictionary<string, CollectionPolicy> { [NewYorkTenant] = CollectionPolicy.Default with { GraceDays = 5, NotifyPeriodClosing = false } });
        var warsaw = new CustomerHistory("W", Warsaw)
            .Prefers("ben", "en")
            // Issued on a holiday, due Monday 31 January; a partial payment on day +5 leaves the rest overdue.
            .Issues("FV/2028/01/007", new DateOnly(2028, 1, 6), new DateOnly(2028, 1, 31))
            .Pays("FV/2028/01/007", 600m, new DateOnly(2028, 2, 5), 10)
            // Due on the leap day; paid in full on day +5.
            .Issues("FV/2028/02/003", new DateOnly(2028, 2, 15), new DateOnly(2028, 2, 29))
            .Pays("FV/2028/02/003", 1230m, new DateOnly(2028, 3, 5), 12)
            // Due Friday 31 March, after the change to summer time; anna promises on Saturday to pay by Wednesday 5 April.
            .Issues("FV/2028/03/011", new DateOnly(2028, 3, 17), new DateOnly(2028, 3, 31))
            .Promises("FV/2028/03/011", "anna", new DateOnly(2028, 4, 5), new DateOnly(2028, 4, 1), 10)
            // ben opts out; the invoice is disputed the day after its due date, the complaint rejected on 1 March at 11:20.
            .Issues("FV/2028/01/019", new DateOnly(2028, 1, 17), new DateOnly(2028, 2, 16))
            .OptsOut("FV/2028/01/019", "ben", new DateOnly(2028, 2, 10), 12)
            .Records("FV/2028/01/019", InvoiceStatus.Disputed, new DateOnly(2028, 2, 17), 12)
            .Records("FV/2028/01/019", InvoiceStatus.Issued, new DateOnly(2028, 3, 1), 11, 20);
        var newYork = new CustomerHistory("N", NewYork)
            .Prefers("carl", "pl")
            // Issued Saturday 1 January, due Monday 31 January; nora snoozes for a week; carl says "I've paid" on 28 February.
            .Issues("INV-1002", new DateOnly(2028, 1, 1), new DateOnly(2028, 1, 31))
            .Snoozes("INV-1002", "nora", new DateOnly(2028, 2, 14), new DateOnly(2028, 2, 7), 10)
            .Claims("INV-1002", "carl", new DateOnly(2028, 2, 28), 15, PaymentClaimStatus.Pending, new DateOnly(2028, 2, 28), 15)
            // Due 2 March; paid at 09:07 on 13 March, after a run that planned the +10 notice died before sending it.
            .Issues("INV-1001", new DateOnly(2028, 2, 1), new DateOnly(2028, 3, 2))
            .Pays("INV-1001", 1230m, new DateTimeOffset(2028, 3, 13, 13, 7, 0, TimeSpan.Zero));
        var lostRun = new DateTimeOffset(2028, 3, 13, 13, 0, 0, TimeSpan.Zero);

        var simulation = new ReminderSimulation(policies, [warsaw, newYork])
            .LoseRun("N", lostRun)
            .Run(new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2028, 4, 12, 0, 0, 0, TimeSpan.Zero));

        AssertSent(
            [
                "W - closing-2028-01 anna:pl 2028-01-28 09:00 +01:00",
                "W - closing-2028-01 ben:en 2028-01-28 09:00 +01:00",
                // Closing day Saturday 26 February: Monday the 28th.
                "W - closing-2028-02 anna:pl 2028-02-28 09:00 +01:00",
                "W - closing-2028-02 ben:en 2028-02-28 09:00 +01:00",
                "W - closing-2028-03 anna:pl 2028-03-28 09:00 +02:00",
                "W - closing-2028-03 ben:en 2028-03-28 09:00 +02:00",

                // Issued on Epiphany (a holiday): announced the next day. Before-1 (Sunday 30th) is superseded by the
                // due date on Monday. The warning day (Sunday 20 February) moves to Monday; suspension on 1 March (+30
                // in a leap year).
                "W FV/2028/01/007 issued anna:pl 2028-01-07 09:00 +01:00",
                "W FV/2028/01/007 issued ben:en 2028-01-07 09:00 +01:00",
                "W FV/2028/01/007 before-7 anna:pl 2028-01-24 09:00 +01:00",
                "W FV/2028/01/007 before-7 ben:en 2028-01-24 09:00 +01:00",
                "W FV/2028/01/007 due anna:pl 2028-01-31 09:00 +01:00",
                "W FV/2028/01/007 due ben:en 2028-01-31 09:00 +01:00",
                "W FV/2028/01/007 after-3 anna:pl 2028-02-03 09:00 +01:00",
                "W FV/2028/01/007 after-3 ben:en 2028-02-03 09:00 +01:00",
                "W FV/2028/01/007 after-10 anna:pl 2028-02-10 09:00 +01:00",
                "W FV/2028/01/007 after-10 ben:en 2028-02-10 09:00 +01:00",
                "W FV/2028/01/007 warning-20 anna:pl 2028-02-21 09:00 +01:00",
                "W FV/2028/01/007 warning-20 ben:en 2028-02-21 09:00 +01:00",
                "W FV/2028/01/007 suspension-30 partner 2028-03-01 09:00 +01:00",

                // Paid in full on Sunday 5 March (+5): nothing from +10 on.
                "W FV/2028/02/003 issued anna:pl 2028-02-15 09:00 +01:00",
                "W FV/2028/02/003 issued ben:en 2028-02-15 09:00 +01:00",
                "W FV/2028/02/003 before-7 anna:pl 2028-02-22 09:00 +01:00",
                "W FV/2028/02/003 before-7 ben:en 2028-02-22 09:00 +01:00",
                "W FV/2028/02/003 before-1 anna:pl 2028-02-28 09:00 +01:00",
                "W FV/2028/02/003 before-1 ben:en 2028-02-28 09:00 +01:00",
                "W FV/2028/02/003 due anna:pl 2028-02-29 09:00 +01:00",
                "W FV/2028/02/003 due ben:en 2028-02-29 09:00 +01:00",
                "W FV/2028/02/003 after-3 anna:pl 2028-03-03 09:00 +01:00",
                "W FV/2028/02/003 after-3 ben:en 2028-03-03 09:00 +01:00",

                // Summer time from 26 March. The +3 notice (Monday 3 April) waits for the day after the promised date.
                "W FV/2028/03/011 issued anna:pl 2028-03-17 09:00 +01:00",
                "W FV/2028/03/011 issued ben:en 2028-03-17 09:00 +01:00",
                "W FV/2028/03/011 before-7 anna:pl 2028-03-24 09:00 +01:00",
                "W FV/2028/03/011 before-7 ben:en 2028-03-24 09:00 +01:00",
                "W FV/2028/03/011 before-1 anna:pl 2028-03-30 09:00 +02:00",
                "W FV/2028/03/011 before-1 ben:en 2028-03-30 09:00 +02:00",
                "W FV/2028/03/011 due anna:pl 2028-03-31 09:00 +02:00",
                "W FV/2028/03/011 due ben:en 2028-03-31 09:00 +02:00",
                "W FV/2028/03/011 after-3 anna:pl 2028-04-06 09:00 +02:00",
                "W FV/2028/03/011 after-3 ben:en 2028-04-06 09:00 +02:00",
                "W FV/2028/03/011 after-10 anna:pl 2028-04-10 09:00 +02:00",
                "W FV/2028/03/011 after-10 ben:en 2028-04-10 09:00 +02:00",

                // ben opted out on 10 February but still gets the warning. Nothing while disputed (+3 and +10 fell on
                // Saturdays 19 and 26 February); once the complaint is rejected the latest stage, +10, goes at the next
                // run (11:30).
                "W FV/2028/01/019 issued anna:pl 2028-01-17 09:00 +01:00",
                "W FV/2028/01/019 issued ben:en 2028-01-17 09:00 +01:00",
                "W FV/2028/01/019 before-7 anna:pl 2028-02-09 09:00 +01:00",
                "W FV/2028/01/019 before-7 ben:en 2028-02-09 09:00 +01:00",
                "W FV/2028/01/019 before-1 anna:pl 2028-02-15 09:00 +01:00",
                "W FV/2028/01/019 due anna:pl 2028-02-16 09:00 +01:00",
                "W FV/2028/01/019 after-10 anna:pl 2028-03-01 11:30 +01:00",
                "W FV/2028/01/019 warning-20 anna:pl 2028-03-07 09:00 +01:00",
                "W FV/2028/01/019 warning-20 ben:en 2028-03-07 09:00 +01:00",
                "W FV/2028/01/019 suspension-30 partner 2028-03-17 09:00 +01:00",

                // Issued on a Saturday: announced Monday. With 5 days of grace, +3 starts on Sunday 6 February and goes
                // Monday. nora's snooze holds +10 for her until the 14th. carl's claim on 28 February holds the
                // suspension (1 March) until Saturday 4 March: Monday the 6th.
                "N INV-1002 issued nora:en 2028-01-03 09:00 -05:00",
                "N INV-1002 issued carl:pl 2028-01-03 09:00 -05:00",
                "N INV-1002 before-7 nora:en 2028-01-24 09:00 -05:00",
                "N INV-1002 before-7 carl:pl 2028-01-24 09:00 -05:00",
                "N INV-1002 due nora:en 2028-01-31 09:00 -05:00",
                "N INV-1002 due carl:pl 2028-01-31 09:00 -05:00",
                "N INV-1002 after-3 nora:en 2028-02-07 09:00 -05:00",
                "N INV-1002 after-3 carl:pl 2028-02-07 09:00 -05:00",
                "N INV-1002 after-10 carl:pl 2028-02-10 09:00 -05:00",
                "N INV-1002 after-10 nora:en 2028-02-14 09:00 -05:00",
                "N INV-1002 warning-20 nora:en 2028-02-21 09:00 -05:00",
                "N INV-1002 warning-20 carl:pl 2028-02-21 09:00 -05:00",
                "N INV-1002 suspension-30 partner 2028-03-06 09:00 -05:00",

                // Grace until 7 March puts +3 on the 8th. +10 (Sunday 12 March, the DST change) was planned for Monday
                // 09:00 EDT by the lost run; the invoice was paid before the next run, so it never goes.
                "N INV-1001 issued nora:en 2028-02-01 09:00 -05:00",
                "N INV-1001 issued carl:pl 2028-02-01 09:00 -05:00",
                "N INV-1001 before-7 nora:en 2028-02-24 09:00 -05:00",
                "N INV-1001 before-7 carl:pl 2028-02-24 09:00 -05:00",
                "N INV-1001 before-1 nora:en 2028-03-01 09:00 -05:00",
                "N INV-1001 before-1 carl:pl 2028-03-01 09:00 -05:00",
                "N INV-1001 due nora:en 2028-03-02 09:00 -05:00",
                "N INV-1001 due carl:pl 2028-03-02 09:00 -05:00",
                "N INV-1001 after-3 nora:en 2028-03-08 09:00 -05:00",
                "N INV-1001 after-3 carl:pl 2028-03-08 09:00 -05:00",
            ],
            simulation,
            policies);
        Assert.Equal(["N INV-1001 after-10"], simulation.Lost);
    }

    [Fact]
    public void Given_Warsaw_Berlin_and_New_York_customers_from_September_to_December_2026_Then_exactly_the_reminders_the_policy_implies_are_sent()
    {
        // Europe returns to winter time on 25 October, the United States on 1 November. Warsaw's policy knows its
        // holidays; Berlin and New York follow the partner's default.
        var policies = new CollectionPolicyBook(
            CollectionPolicy.Default,
            new Dictionary<string, CollectionPolicy>
            {
                [WarsawTenant] = CollectionPolicy.Default with
                {
                    Holidays = [new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 11), new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26)],
                },
            });
        var berlin = new CustomerHistory("B", Berlin)
            // Due Wednesday 30 September and never paid: the whole sequence, suspension after the DST change.
            .Issues("RE-2026-0930", new DateOnly(2026, 9, 16), new DateOnly(2026, 9, 30))
            // Issued and due on Saturdays (31 October); paid on day +5.
            .Issues("RE-2026-1031", new DateOnly(2026, 10, 17), new DateOnly(2026, 10, 31))
            .Pays("RE-2026-1031", 1230m, new DateOnly(2026, 11, 5), 16, 30);
        var newYork = new CustomerHistory("N", NewYork)
            // Due Saturday 31 October; a partial payment on 2 November keeps dunning going.
            .Issues("INV-2001", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31))
            .Pays("INV-2001", 500m, new DateOnly(2026, 11, 2), 12);
        var warsaw = new CustomerHistory("W", Warsaw)
            .Prefers("ben", "en")
            // Due on Independence Day (11 November, a holiday); anna says "I've paid" on the 19th and never pays.
            .Issues("FV/2026/10/021", new DateOnly(2026, 10, 28), new DateOnly(2026, 11, 11))
            .Claims("FV/2026/10/021", "anna", new DateOnly(2026, 11, 19), 10, PaymentClaimStatus.Pending, new DateOnly(2026, 11, 19), 10)
            // Due Monday 30 November; ben's claim of 1 December is rejected on the 3rd at 13:10.
            .Issues("FV/2026/11/030", new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 30))
            .Claims("FV/2026/11/030", "ben", new DateOnly(2026, 12, 1), 10, PaymentClaimStatus.Pending, new DateOnly(2026, 12, 1), 10)
            .Claims("FV/2026/11/030", "ben", new DateOnly(2026, 12, 1), 10, PaymentClaimStatus.Rejected, new DateOnly(2026, 12, 3), 13, 10);

        var simulation = new ReminderSimulation(policies, [berlin, newYork, warsaw])
            .Run(new DateTimeOffset(2026, 9, 14, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 12, 0, 0, 0, TimeSpan.Zero));

        AssertSent(
            [
                // Closing days: Sunday 27 September (so Monday the 28th), Wednesday 28 October, Friday 27 November.
                "B - closing-2026-09 greta:en 2026-09-28 09:00 +02:00",
                "B - closing-2026-10 greta:en 2026-10-28 09:00 +01:00",
                "B - closing-2026-11 greta:en 2026-11-27 09:00 +01:00",
                "N - closing-2026-09 nora:en 2026-09-28 09:00 -04:00",
                "N - closing-2026-09 carl:en 2026-09-28 09:00 -04:00",
                "N - closing-2026-10 nora:en 2026-10-28 09:00 -04:00",
                "N - closing-2026-10 carl:en 2026-10-28 09:00 -04:00",
                "N - closing-2026-11 nora:en 2026-11-27 09:00 -05:00",
                "N - closing-2026-11 carl:en 2026-11-27 09:00 -05:00",
                "W - closing-2026-09 anna:pl 2026-09-28 09:00 +02:00",
                "W - closing-2026-09 ben:en 2026-09-28 09:00 +02:00",
                "W - closing-2026-10 anna:pl 2026-10-28 09:00 +01:00",
                "W - closing-2026-10 ben:en 2026-10-28 09:00 +01:00",
                "W - closing-2026-11 anna:pl 2026-11-27 09:00 +01:00",
                "W - closing-2026-11 ben:en 2026-11-27 09:00 +01:00",

                // German locale, so English. +3 and +10 fall on Saturdays and go on Mondays.
                "B RE-2026-0930 issued greta:en 2026-09-16 09:00 +02:00",
                "B RE-2026-0930 before-7 greta:en 2026-09-23 09:00 +02:00",
                "B RE-2026-0930 before-1 greta:en 2026-09-29 09:00 +02:00",
                "B RE-2026-0930 due greta:en 2026-09-30 09:00 +02:00",
                "B RE-2026-0930 after-3 greta:en 2026-10-05 09:00 +02:00",
                "B RE-2026-0930 after-10 greta:en 2026-10-12 09:00 +02:00",
                "B RE-2026-0930 warning-20 greta:en 2026-10-20 09:00 +02:00",
                "B RE-2026-0930 suspension-30 partner 2026-10-30 09:00 +01:00",

                // Before-7 (Saturday 24th) goes on Monday the 26th, the first day of winter time.
                "B RE-2026-1031 issued greta:en 2026-10-19 09:00 +02:00",
                "B RE-2026-1031 before-7 greta:en 2026-10-26 09:00 +01:00",
                "B RE-2026-1031 before-1 greta:en 2026-10-30 09:00 +01:00",
                "B RE-2026-1031 due greta:en 2026-11-02 09:00 +01:00",
                "B RE-2026-1031 after-3 greta:en 2026-11-03 09:00 +01:00",

                // New York is still on summer time on 26 and 30 October, on winter time from 2 November.
                "N INV-2001 issued nora:en 2026-10-01 09:00 -04:00",
                "N INV-2001 issued carl:en 2026-10-01 09:00 -04:00",
                "N INV-2001 before-7 nora:en 2026-10-26 09:00 -04:00",
                "N INV-2001 before-7 carl:en 2026-10-26 09:00 -04:00",
                "N INV-2001 before-1 nora:en 2026-10-30 09:00 -04:00",
                "N INV-2001 before-1 carl:en 2026-10-30 09:00 -04:00",
                "N INV-2001 due nora:en 2026-11-02 09:00 -05:00",
                "N INV-2001 due carl:en 2026-11-02 09:00 -05:00",
                "N INV-2001 after-3 nora:en 2026-11-03 09:00 -05:00",
                "N INV-2001 after-3 carl:en 2026-11-03 09:00 -05:00",
                "N INV-2001 after-10 nora:en 2026-11-10 09:00 -05:00",
                "N INV-2001 after-10 carl:en 2026-11-10 09:00 -05:00",
                "N INV-2001 warning-20 nora:en 2026-11-20 09:00 -05:00",
                "N INV-2001 warning-20 carl:en 2026-11-20 09:00 -05:00",
                "N INV-2001 suspension-30 partner 2026-11-30 09:00 -05:00",

                // The due date is a holiday: Thursday the 12th. +3 (Saturday 14th) goes Monday. anna's claim on the
                // 19th pauses until the 24th, holding +10 (Saturday 21st, so Monday 23rd) one more day.
                "W FV/2026/10/021 issued anna:pl 2026-10-28 09:00 +01:00",
                "W FV/2026/10/021 issued ben:en 2026-10-28 09:00 +01:00",
                "W FV/2026/10/021 before-7 anna:pl 2026-11-04 09:00 +01:00",
                "W FV/2026/10/021 before-7 ben:en 2026-11-04 09:00 +01:00",
                "W FV/2026/10/021 before-1 anna:pl 2026-11-10 09:00 +01:00",
                "W FV/2026/10/021 before-1 ben:en 2026-11-10 09:00 +01:00",
                "W FV/2026/10/021 due anna:pl 2026-11-12 09:00 +01:00",
                "W FV/2026/10/021 due ben:en 2026-11-12 09:00 +01:00",
                "W FV/2026/10/021 after-3 anna:pl 2026-11-16 09:00 +01:00",
                "W FV/2026/10/021 after-3 ben:en 2026-11-16 09:00 +01:00",
                "W FV/2026/10/021 after-10 anna:pl 2026-11-24 09:00 +01:00",
                "W FV/2026/10/021 after-10 ben:en 2026-11-24 09:00 +01:00",
                "W FV/2026/10/021 warning-20 anna:pl 2026-12-01 09:00 +01:00",
                "W FV/2026/10/021 warning-20 ben:en 2026-12-01 09:00 +01:00",
                "W FV/2026/10/021 suspension-30 partner 2026-12-11 09:00 +01:00",

                // Before-1 (Sunday 29th) is superseded by the due date. ben's pending claim holds +3 until the admin
                // rejects it at 13:10; the next run (13:15) sends it.
                "W FV/2026/11/030 issued anna:pl 2026-11-16 09:00 +01:00",
                "W FV/2026/11/030 issued ben:en 2026-11-16 09:00 +01:00",
                "W FV/2026/11/030 before-7 anna:pl 2026-11-23 09:00 +01:00",
                "W FV/2026/11/030 before-7 ben:en 2026-11-23 09:00 +01:00",
                "W FV/2026/11/030 due anna:pl 2026-11-30 09:00 +01:00",
                "W FV/2026/11/030 due ben:en 2026-11-30 09:00 +01:00",
                "W FV/2026/11/030 after-3 anna:pl 2026-12-03 13:15 +01:00",
                "W FV/2026/11/030 after-3 ben:en 2026-12-03 13:15 +01:00",
                "W FV/2026/11/030 after-10 anna:pl 2026-12-10 09:00 +01:00",
                "W FV/2026/11/030 after-10 ben:en 2026-12-10 09:00 +01:00",
            ],
            simulation,
            policies);
        Assert.Empty(simulation.Lost);
    }

    private static void AssertSent(string[] expected, ReminderSimulation simulation, CollectionPolicyBook policies)
    {
        var sent = simulation.Sent.Select(s => s.ToString()).ToList();
        var missing = expected.Except(sent, StringComparer.Ordinal).ToList();
        var unexpected = sent.Except(expected, StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            $"Missing:\n  {string.Join("\n  ", missing)}\nUnexpected:\n  {string.Join("\n  ", unexpected)}");
        Assert.Equal(expected.Length, sent.Count);

        // Whatever the list says, nothing may leave outside the customer's window.
        Assert.All(simulation.Sent, s => Assert.True(
            policies.For(s.TenantId).IsDeliveryTime(DateOnly.FromDateTime(s.Local.DateTime), TimeOnly.FromDateTime(s.Local.DateTime)),
            $"{s} is outside the delivery window."));
    }
}
