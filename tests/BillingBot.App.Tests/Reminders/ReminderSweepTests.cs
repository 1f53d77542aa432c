using BillingBot.App.Reminders;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Storage.Reminders;

namespace BillingBot.App.Tests.Reminders;

/// <summary>A sweep sends what the collection policy says is due, to the right chats, once; and keeps what it sent true to the invoice.</summary>
public sealed class ReminderSweepTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    private static readonly DateOnly Today = ReminderWorld.Today;

    [Fact]
    public async Task Given_invoices_at_three_stages_When_swept_Then_each_billing_contact_gets_each_reminder_in_their_chat_and_a_second_sweep_sends_nothing()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync(connect: false);
        var t = customer.TenantId;
        var annaChat = await world.ConnectAsync(t, customer.Anna);
        var piotrChat = await world.ConnectAsync(t, customer.Piotr);
        var tomaszChat = await world.ConnectAsync(t, customer.Tomasz);
        await world.AddInvoiceAsync(t, "FV/2026/11/101", Today);
        await world.AddInvoiceAsync(t, "FV/2026/11/102", Today.AddDays(7));
        await world.AddInvoiceAsync(t, "FV/2026/11/103", Today.AddDays(-3));
        await world.AddInvoiceAsync(t, "FV/2026/11/104", Today);
        await world.PayAsync(t, "FV/2026/11/104");
        var instance = world.StartInstance("one");

        var first = await instance.SweepAsync(world.Time.GetUtcNow());

        string[] stages = [$"{t}|FV/2026/11/102|before-7", $"{t}|FV/2026/11/101|due", $"{t}|FV/2026/11/103|after-3"];
        Assert.Equal(stages.Select(s => $"{s}|{customer.Anna}"), world.TextsIn(annaChat));
        Assert.Equal(stages.Select(s => $"{s}|{customer.Piotr}"), world.TextsIn(piotrChat));
        Assert.Empty(world.RequestsTo(tomaszChat));
        Assert.Equal((6, 6), (first.Planned, first.Sent));
        var ledger = await world.Ledger.ListForTenantAsync(t, CancellationToken.None);
        Assert.Equal(6, ledger.Count);
        Assert.All(ledger, e => Assert.Equal(ReminderLedgerState.Sent, e.State));
        Assert.Equal(6, ledger.Select(e => e.SentTo!.ActivityId).Distinct().Count());
        Assert.All(ledger, e => Assert.Equal(e.Delivery.Recipient!.ObjectId == customer.Anna ? annaChat : piotrChat, e.SentTo!.ConversationId));

        world.Time.Advance(TimeSpan.FromMinutes(5));
        var requestsBefore = world.Channel.Requests.Count;
        var second = await instance.SweepAsync(world.Time.GetUtcNow());
        // Past RevisitAfter the customer is visited again: the ledger, not the memory, keeps it from a second send.
        world.Time.Advance(TimeSpan.FromMinutes(30));
        var third = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal((0, 1, 0), (second.Tenants, second.TenantsSettled, second.Sent));
        Assert.Equal((1, 6, 0, 0), (third.Tenants, third.Planned, third.Claimed, third.Sent));
        Assert.Equal(requestsBefore, world.Channel.Requests.Count);
    }

    [Fact]
    public async Task Given_a_contact_whose_chat_is_slow_to_answer_Then_their_colleagues_reminders_go_meanwhile_and_each_chat_keeps_its_order()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync(connect: false);
        var t = customer.TenantId;
        var annaChat = await world.ConnectAsync(t, customer.Anna);
        var piotrChat = await world.ConnectAsync(t, customer.Piotr);
        await world.AddInvoiceAsync(t, "FV/2026/11/101", Today);
        await world.AddInvoiceAsync(t, "FV/2026/11/102", Today.AddDays(7));
        // The production default: several people of a customer at once.
        var instance = world.StartInstance("one", settings: new Dictionary<string, string?> { ["Reminders:MaxParallelPeople"] = "4" });
        var annaWaits = world.Channel.Hold(r => r.ConversationId == annaChat);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var sweep = instance.SweepAsync(world.Time.GetUtcNow());
        var piotrServedMeanwhile = true;
        try
        {
            await annaWaits.Arrived.WaitAsync(guard.Token);
            // Anna's first reminder has no answer yet; Piotr gets both of his all the same.
            await world.Channel.WaitForSentAsync(
                sent => sent.Count(a => a["conversation"]?["id"]?.GetValue<string>() == piotrChat) == 2, guard.Token);
        }
        catch (OperationCanceledException)
        {
            piotrServedMeanwhile = false;
        }

        annaWaits.Release();
        var result = await sweep;

        Assert.True(piotrServedMeanwhile, "Piotr's reminders waited for Anna's chat to answer.");

        string[] stages = [$"{t}|FV/2026/11/102|before-7", $"{t}|FV/2026/11/101|due"];
        Assert.Equal(stages.Select(s => $"{s}|{customer.Anna}"), world.TextsIn(annaChat));
        Assert.Equal(stages.Select(s => $"{s}|{customer.Piotr}"), world.TextsIn(piotrChat));
        Assert.Equal((4, 4, 0), (result.Planned, result.Sent, result.Failed));
        Assert.All(await world.Ledger.ListForTenantAsync(t, CancellationToken.None), e => Assert.Equal(ReminderLedgerState.Sent, e.State));
    }

    [Fact]
    public async Task Given_a_settled_customer_Then_it_is_visited_again_only_when_its_invoices_change_its_day_or_window_turns_or_time_passes()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync();
        var t = customer.TenantId;
        await world.AddInvoiceAsync(t, "FV/2026/11/121", Today);
        await world.AddInvoiceAsync(t, "FV/2026/11/122", Today.AddDays(2));
        var instance = world.StartInstance("one");
        await instance.SweepAsync(world.Time.GetUtcNow());

        world.Time.Advance(TimeSpan.FromMinutes(5));
        var unchanged = await instance.SweepAsync(world.Time.GetUtcNow());
        await world.PayAsync(t, "FV/2026/11/121");
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var paid = await instance.SweepAsync(world.Time.GetUtcNow());
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var quiet = await instance.SweepAsync(world.Time.GetUtcNow());
        // 17:00 in Warsaw: the delivery window closes.
        world.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero));
        var evening = await instance.SweepAsync(world.Time.GetUtcNow());
        // Wednesday 10:00: before-1 for the other invoice.
        world.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var wednesday = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal((0, 1), (unchanged.Tenants, unchanged.TenantsSettled));
        Assert.Equal((1, 2), (paid.Tenants, paid.CardsUpdated));
        Assert.Equal((0, 1), (quiet.Tenants, quiet.TenantsSettled));
        Assert.Equal((1, 0), (evening.Tenants, evening.Sent));
        Assert.Equal((1, 2), (wednesday.Tenants, wednesday.Sent));
        Assert.Equal(2, world.Delivered(t).Count(d => d.Contains("|FV/2026/11/122|before-1|", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Given_a_payment_recorded_between_planning_and_sending_Then_nothing_is_sent_about_that_invoice_and_the_ledger_says_skipped()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync();
        var t = customer.TenantId;
        await world.AddInvoiceAsync(t, "FV/2026/11/201", Today);
        await world.AddInvoiceAsync(t, "FV/2026/11/202", Today.AddDays(7));
        var instance = world.StartInstance("one", new PayAfterPlanning(world, t, "FV/2026/11/201"));

        var result = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal(
            new[] { $"{t}|FV/2026/11/202|before-7|{customer.Anna}", $"{t}|FV/2026/11/202|before-7|{customer.Piotr}" }.Order(StringComparer.Ordinal),
            world.Delivered(t).Order(StringComparer.Ordinal));
        Assert.Equal((4, 2, 2), (result.Planned, result.Sent, result.Skipped));
        var skipped = (await world.Ledger.ListForTenantAsync(t, CancellationToken.None)).Where(e => e.Delivery.Reminder.InvoiceNumber == "FV/2026/11/201").ToList();
        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, e => Assert.Equal((ReminderLedgerState.Skipped, "Paid"), (e.State, e.Reason)));
    }

    [Fact]
    public async Task Given_a_sent_reminder_whose_invoice_is_then_paid_Then_its_card_is_updated_once_to_show_paid()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync(connect: false);
        var t = customer.TenantId;
        var annaChat = await world.ConnectAsync(t, customer.Anna);
        await world.ConnectAsync(t, customer.Piotr);
        await world.AddInvoiceAsync(t, "FV/2026/11/501", Today);
        var instance = world.StartInstance("one");
        await instance.SweepAsync(world.Time.GetUtcNow());
        var sent = (await world.Ledger.ListForTenantAsync(t, CancellationToken.None)).Single(e => e.Delivery.Recipient!.ObjectId == customer.Anna);

        await world.PayAsync(t, "FV/2026/11/501");
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var afterPayment = await instance.SweepAsync(world.Time.GetUtcNow());
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var later = await instance.SweepAsync(world.Time.GetUtcNow());

        var update = Assert.Single(world.UpdatesIn(annaChat));
        Assert.Equal(sent.SentTo!.ActivityId, update.ActivityId);
        Assert.Equal($"{TestReminderMessages.UpdatedPrefix}Paid|{t}|FV/2026/11/501|due|{customer.Anna}", update.Body!["text"]!.GetValue<string>());
        Assert.Equal((2, 0, 0), (afterPayment.CardsUpdated, later.CardsUpdated, later.Sent));
        var stored = await world.Ledger.FindAsync(sent.Delivery, CancellationToken.None);
        Assert.Equal((InvoiceStatus.Paid, false), (stored!.CardStatus, stored.CardPending));
    }

    [Fact]
    public async Task Given_an_invoice_reaching_the_suspension_stage_Then_the_billing_admins_are_asked_once_and_the_customer_gets_no_message()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync(connect: false);
        var t = customer.TenantId;
        var annaChat = await world.ConnectAsync(t, customer.Anna);
        await world.AddInvoiceAsync(t, "FV/2026/10/601", Today.AddDays(-30));
        var instance = world.StartInstance("one");

        var first = await instance.SweepAsync(world.Time.GetUtcNow());
        world.Time.Advance(TimeSpan.FromHours(1));
        var second = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal([$"{t}|FV/2026/10/601|suspension-30|-"], world.Suspensions.Requested);
        Assert.Equal((1, 0), (first.ApprovalsRequested, second.ApprovalsRequested));
        Assert.Empty(world.RequestsTo(annaChat));
        Assert.Equal([t, t], world.Suspensions.Reconciled);
    }

    [Fact]
    public async Task Given_a_promise_to_pay_that_held_dunning_back_past_the_due_date_window_When_it_is_broken_Then_the_suspension_approval_still_follows()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync();
        var t = customer.TenantId;
        await world.AddInvoiceAsync(t, "FV/2026/10/701", Today.AddDays(-30));
        await world.Controls.SavePromiseAsync(new PromiseToPay(t, "FV/2026/10/701", new DateOnly(2027, 1, 8), customer.Anna, world.Time.GetUtcNow()), CancellationToken.None);
        var instance = world.StartInstance("one");
        var held = await instance.SweepAsync(world.Time.GetUtcNow());

        // Monday 11 January 2027, 10:00 in Warsaw: the invoice is 71 days overdue, far outside the due-date window.
        world.Time.SetUtcNow(new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero));
        var broken = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal((0, 1), (held.ApprovalsRequested, broken.ApprovalsRequested));
        Assert.Equal([$"{t}|FV/2026/10/701|suspension-30|-"], world.Suspensions.Requested);
    }

    [Fact]
    public async Task Given_many_customers_whose_invoices_fall_due_months_away_Then_a_sweep_visits_only_the_customers_with_invoices_in_the_policy_window()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var idle = new List<TestCustomer>();
        for (var i = 0; i < 20; i++)
        {
            var quiet = await world.AddCustomerAsync($"Quiet {i:00}", connect: false);
            await world.AddInvoiceAsync(quiet.TenantId, $"FV/2027/03/{i:000}", new DateOnly(2027, 3, 15));
            await world.AddInvoiceAsync(quiet.TenantId, $"FV/2026/06/{i:000}", new DateOnly(2026, 7, 15));
            await world.PayAsync(quiet.TenantId, $"FV/2026/06/{i:000}");
            idle.Add(quiet);
        }

        var busy = await world.AddCustomerAsync("Busy");
        await world.AddInvoiceAsync(busy.TenantId, "FV/2026/11/901", Today);
        var instance = world.StartInstance("one");

        var result = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal((1, 2), (result.Tenants, result.Sent));
        Assert.DoesNotContain(world.Suspensions.Reconciled, idle.Select(c => c.TenantId).Contains);
    }

    [Fact]
    public async Task Given_the_scheduler_running_on_a_fake_clock_When_its_interval_passes_Then_it_sweeps_and_the_due_reminders_go_out()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync();
        await world.AddInvoiceAsync(customer.TenantId, "FV/2026/11/111", Today);
        var instance = world.StartInstance("one", settings: new Dictionary<string, string?> { ["Reminders:Interval"] = "00:05:00" });
        var requests = world.Channel.Requests.Count;
        await instance.Scheduler.StartAsync(CancellationToken.None);

        world.Time.Advance(TimeSpan.FromMinutes(5));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await world.Channel.WaitForRequestsAsync(requests + 2, timeout.Token);
        await instance.Scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(2, world.Delivered(customer.TenantId).Count);
    }

    [Fact]
    public async Task Given_the_scheduler_disabled_Then_it_never_sweeps()
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync();
        await world.AddInvoiceAsync(customer.TenantId, "FV/2026/11/112", Today);
        var instance = world.StartInstance("one", settings: new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" });

        await instance.Scheduler.StartAsync(CancellationToken.None);

        // Without a timer the loop has nothing to wait for: it ends at once, having swept nothing.
        await instance.Scheduler.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.True(instance.Scheduler.ExecuteTask.IsCompletedSuccessfully);
        Assert.Empty(world.Delivered(customer.TenantId));
    }

    /// <summary>Records a payment for an invoice right after the planner planned its reminder.</summary>
    private sealed class PayAfterPlanning(ReminderWorld world, string tenantId, string number) : ReminderSweepHooks
    {
        public override async Task AfterPlanAsync(Customer customer, IReadOnlyList<PlannedReminder> plan, CancellationToken cancellationToken)
        {
            if (customer.TenantId == tenantId && plan.Any(r => r.InvoiceNumber == number))
            {
                await world.PayAsync(tenantId, number);
            }
        }
    }
}
