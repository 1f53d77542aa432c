using BillingBot.App.Reminders;
using BillingBot.App.Suspensions;
using BillingBot.App.Tests.Suspensions;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Suspensions;
using Microsoft.Extensions.DependencyInjection;
using static BillingBot.App.Tests.Conversations.BillingCardsTests;
using static BillingBot.App.Tests.Staff.StaffRoom;

namespace BillingBot.App.Tests.Staff;

/// <summary>Roles granted in chat count wherever roles are checked: a suspension approval refused to a support agent goes through once they are a billing admin, and stops again when the role is taken back.</summary>
public sealed class ChatGrantedRoleTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    [Fact]
    public async Task A_support_agent_refused_a_suspension_approval_approves_it_after_a_user_admin_makes_them_billing_admin_in_chat()
    {
        await using var room = Open(env);
        var channel = room.ChannelId!;
        await room.InstallInChannelAsync(channel, UserAdminObjectId);
        var first = await RequestApprovalAsync(room);
        var second = await RequestApprovalAsync(room);

        var refused = await room.ClickAsync(channel, AgentObjectId, SuspensionVerbs.Approve, SuspensionDesk.Data(first));
        var granted = await room.SayInChannelAsync(channel, UserAdminObjectId, $"staff add {AgentObjectId} billing admin");
        var approved = await room.ClickAsync(channel, AgentObjectId, SuspensionVerbs.Approve, SuspensionDesk.Data(first));
        var taken = await room.SayInChannelAsync(channel, UserAdminObjectId, $"staff remove {AgentObjectId} billing admin");
        var refusedAgain = await room.ClickAsync(channel, AgentObjectId, SuspensionVerbs.Approve, SuspensionDesk.Data(second));

        Assert.Equal("Sorry, only the partner's billing admins can approve or postpone a suspension. Nothing has changed.", refused.Message);
        Assert.Equal("Done: Jan Nowicki now has the billing admin role.", granted);
        Assert.Contains("Access suspended: approved by Jan Nowicki", CardText(approved.Card), StringComparison.Ordinal);
        Assert.Equal(SuspensionState.Suspended, (await CaseAsync(room, first)).State);
        Assert.Equal("Done: Jan Nowicki no longer has the billing admin role.", taken);
        Assert.Equal(refused.Message, refusedAgain.Message);
        Assert.Equal(SuspensionState.Requested, (await CaseAsync(room, second)).State);
    }

    /// <summary>A new customer with an invoice 31 days overdue, and the scheduler's request for a suspension approval.</summary>
    private static async Task<SuspensionCase> RequestApprovalAsync(StaffRoom room)
    {
        var services = room.Host.Services;
        var tenant = Guid.NewGuid().ToString();
        var customer = new Customer(tenant, "Tailspin Toys B.V.", "EUR", "en-GB", "Europe/Amsterdam", 14, SupportPlan.Standard,
            [new BillingContact(Guid.NewGuid().ToString(), "Alice Brown", "alice@tailspin.example", BillingContactRole.Primary)]);
        await services.GetRequiredService<ICustomerRepository>().UpsertAsync(customer, CancellationToken.None);
        var due = customer.LocalDate(TimeProvider.System.GetUtcNow()).AddDays(-31);
        var invoice = new Invoice("FV/2026/10/031", tenant, BillingPeriod.Month(due.Year, due.Month), due.AddDays(-14), due,
            new Money(1000m, "EUR"), Money.Zero("EUR"), new Money(1000m, "EUR"), Money.Zero("EUR"), [], null, InvoiceStatus.Overdue);
        await services.GetRequiredService<IInvoiceRepository>().UpsertAsync(invoice, CancellationToken.None);
        await services.GetRequiredService<ISuspensionWorkflow>().RequestApprovalAsync(
            new PlannedReminder(tenant, invoice.Number, ReminderKind.Suspension, 30, due.AddDays(30), "suspension-30", []), customer, invoice, CancellationToken.None);
        return (await services.GetRequiredService<ISuspensionCases>().FindOpenAsync(tenant, CancellationToken.None))!;
    }

    private static async Task<SuspensionCase> CaseAsync(StaffRoom room, SuspensionCase suspension) =>
        (await room.Host.Services.GetRequiredService<ISuspensionCases>().FindAsync(suspension.TenantId, suspension.CaseId, CancellationToken.None))!;
}
