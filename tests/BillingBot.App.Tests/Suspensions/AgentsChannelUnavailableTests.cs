using BillingBot.App.Reminders;
using BillingBot.App.Suspensions;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Suspensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BillingBot.App.Tests.Suspensions;

/// <summary>Approval requests and notices are never lost silently: without the agents' channel they are logged and kept, and go out once it is there.</summary>
public sealed class AgentsChannelUnavailableTests(SuspensionDesk desk) : IClassFixture<SuspensionDesk>
{
    [Fact]
    public async Task Given_the_bot_is_not_in_the_agents_channel_yet_When_an_approval_and_a_notice_are_due_Then_both_are_logged_and_kept_and_posted_once_the_bot_is_added()
    {
        var customer = await desk.NewCustomerAsync("en-GB", 31);
        var notice = new BillingTeamNotice(customer.Customer.TenantId, "A contact can no longer be reached", "Alice Brown blocked the bot; tell her by e-mail.");

        await desk.RequestApprovalAsync(customer, customer.Invoices[0]);
        await desk.Notifier.NotifyAsync(notice, CancellationToken.None);

        Assert.Empty(desk.ApprovalCardsPosted(customer));
        Assert.Empty(desk.NoticesPosted(customer));
        Assert.Null((await desk.OpenCaseAsync(customer)).ApprovalMessage);
        Assert.Equal(notice, Assert.Single(await desk.KeptNotices.ListAsync(CancellationToken.None)).Notice);
        Assert.Contains(desk.Host.Logs.Lines, l => l.Level == LogLevel.Warning && l.EventId.Id == 7002);
        Assert.Contains(desk.Host.Logs.Lines, l => l.Level == LogLevel.Warning && l.EventId.Id == 7032);

        await desk.InstallInAgentsChannelAsync();
        await desk.ReconcileAsync(customer);
        var delivered = await desk.Notifier.DeliverKeptAsync(CancellationToken.None);
        await desk.ReconcileAsync(customer);

        Assert.Single(desk.ApprovalCardsPosted(customer));
        Assert.Equal(1, delivered);
        Assert.Contains("Alice Brown blocked the bot", BillingBot.App.Tests.Conversations.BillingCardsTests.CardText(Assert.Single(desk.NoticesPosted(customer))), StringComparison.Ordinal);
        Assert.Empty(await desk.KeptNotices.ListAsync(CancellationToken.None));
        var asked = await desk.OpenCaseAsync(customer);
        Assert.NotNull(asked.ApprovalMessage);
        Assert.Single(asked.History, e => e.Kind == SuspensionEventKind.AskedAgents);
    }

    [Fact]
    public async Task Given_no_agents_channel_is_configured_When_an_approval_is_due_Then_the_warning_names_the_settings_and_the_request_is_kept()
    {
        await using var host = new BotHost(desk.Env.Azurite);
        host.CreateHttpClient().Dispose();
        var customer = new Customer(Guid.NewGuid().ToString(), "Litware S.A.", "PLN", "pl-PL", "Europe/Warsaw", 21, SupportPlan.Basic,
            [new BillingContact(Guid.NewGuid().ToString(), "Tomasz Wójcik", "tomasz@litware.example", BillingContactRole.Primary)]);
        var due = customer.LocalDate(TimeProvider.System.GetUtcNow()).AddDays(-31);
        var invoice = new Invoice("FV/2026/10/777", customer.TenantId, BillingPeriod.Month(due.Year, due.Month), due.AddDays(-21), due,
            new Money(100m, "PLN"), new Money(23m, "PLN"), new Money(123m, "PLN"), Money.Zero("PLN"), [], null, InvoiceStatus.Overdue);
        await host.Services.GetRequiredService<ICustomerRepository>().UpsertAsync(customer, CancellationToken.None);
        await host.Services.GetRequiredService<IInvoiceRepository>().UpsertAsync(invoice, CancellationToken.None);

        await host.Services.GetRequiredService<ISuspensionWorkflow>().RequestApprovalAsync(
            new PlannedReminder(customer.TenantId, invoice.Number, ReminderKind.Suspension, 30, due.AddDays(30), "suspension-30", []), customer, invoice, CancellationToken.None);

        var warning = Assert.Single(host.Logs.Lines, l => l.EventId.Id == 7001);
        Assert.Contains("Agents:TenantId, Agents:ChannelId", warning.Message, StringComparison.Ordinal);
        var kept = await host.Services.GetRequiredService<ISuspensionCases>().FindOpenAsync(customer.TenantId, CancellationToken.None);
        Assert.Equal((SuspensionState.Requested, null), (kept!.State, kept.ApprovalMessage));
    }
}
