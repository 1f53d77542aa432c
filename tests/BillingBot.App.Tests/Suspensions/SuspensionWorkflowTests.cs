using System.Globalization;
using System.Net;
using System.Text.Json;
using BillingBot.App.Suspensions;
using BillingBot.Billing.Suspensions;
using BillingBot.Protocol.Cards;
using static BillingBot.App.Tests.Conversations.BillingCardsTests;
using static BillingBot.App.Tests.Suspensions.SuspensionDesk;

namespace BillingBot.App.Tests.Suspensions;

/// <summary>
/// Suspension never happens silently: the billing admins are asked in their channel, only they can decide, an approval
/// reaches the access-control port once and the customer is told in their language, a postponement comes back on its
/// day, and a payment restores access with the same audit trail. Driven over HTTP as Teams does, on Azurite.
/// </summary>
public sealed class SuspensionWorkflowTests(SuspensionDesk desk) : IClassFixture<SuspensionDesk>, IAsyncLifetime
{
    public Task InitializeAsync() => desk.InstallInAgentsChannelAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_an_invoice_at_the_suspension_stage_When_approval_is_requested_Then_the_agents_channel_gets_the_customer_invoices_amounts_days_overdue_and_reminder_history()
    {
        var customer = await desk.NewCustomerAsync("pl-PL", 31, 45);

        await desk.RequestApprovalAsync(customer, customer.Invoices[0]);

        var card = Assert.Single(desk.ApprovalCardsPosted(customer));
        var text = CardText(card);
        Assert.Contains("Suspension approval: Fabrikam Polska sp. z o.o.", text, StringComparison.Ordinal);
        Assert.Contains("Waiting for a billing admin's decision", text, StringComparison.Ordinal);
        Assert.Contains(customer.Invoices[0].Number, text, StringComparison.Ordinal);
        Assert.Contains(customer.Invoices[1].Number, text, StringComparison.Ordinal);
        Assert.Contains("PLN\u00A01,230.00", text, StringComparison.Ordinal);
        Assert.Contains("PLN\u00A02,460.00", text, StringComparison.Ordinal);
        Assert.Contains("45 days", text, StringComparison.Ordinal);
        Assert.Contains("Suspension warning", text, StringComparison.Ordinal);
        Assert.Contains("Before the due date", text, StringComparison.Ordinal);
        Assert.Contains(customer.Primary.Name, text, StringComparison.Ordinal);

        var suspension = await desk.OpenCaseAsync(customer);
        var buttons = card.Actions!.OfType<AdaptiveExecuteAction>().ToList();
        Assert.Equal([SuspensionVerbs.Approve, SuspensionVerbs.Postpone], buttons.Select(b => b.Verb));
        Assert.All(buttons, b => Assert.Equal(suspension.CaseId, ((JsonElement)b.Data!).GetProperty("case").GetString()));
        Assert.Contains(card.Body, e => e is AdaptiveDateInput { Id: SuspensionVerbs.UntilInput });
        Assert.Equal([SuspensionEventKind.Requested, SuspensionEventKind.AskedAgents], suspension.History.Select(e => e.Kind));
        Assert.Empty(desk.Access.CallsFor(customer.Customer.TenantId, AccessOrderKind.Suspend));
    }

    [Fact]
    public async Task Given_an_open_case_When_more_invoices_reach_the_suspension_stage_or_the_stage_is_asked_again_Then_the_admins_are_asked_once()
    {
        var customer = await desk.NewCustomerAsync("en-GB", 31, 35);

        await desk.RequestApprovalAsync(customer, customer.Invoices[0]);
        await desk.RequestApprovalAsync(customer, customer.Invoices[1]);
        await desk.RequestApprovalAsync(customer, customer.Invoices[1]);

        Assert.Single(desk.ApprovalCardsPosted(customer));
        var suspension = await desk.OpenCaseAsync(customer);
        Assert.Equal(customer.Invoices.Select(i => i.Number), suspension.InvoiceNumbers);
        Assert.Single(suspension.History, e => e.Kind == SuspensionEventKind.InvoiceAdded);
    }

    [Fact]
    public async Task Given_an_approval_card_When_someone_who_is_not_a_billing_admin_clicks_Approve_Then_they_are_refused_politely_and_nothing_changes()
    {
        var customer = await desk.NewCustomerAsync("pl-PL", 31);
        await desk.RequestApprovalAsync(customer, customer.Invoices[0]);
        var before = await desk.OpenCaseAsync(customer);

        var agent = await desk.ClickAsync(SuspensionVerbs.Approve, AgentObjectId, Data(before));
        var stranger = await desk.ClickAsync(SuspensionVerbs.Postpone, Guid.NewGuid().ToString(), Data(before, "2027-01-04"));
        var otherTenant = await desk.ClickAsync(SuspensionVerbs.Approve, AdminObjectId, Data(before), tenantId: customer.Customer.TenantId);

        Assert.Equal(HttpStatusCode.OK, agent.Status);
        Assert.Contains("only the partner's billing admins can approve or postpone", agent.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing has changed", stranger.Message, StringComparison.Ordinal);
        Assert.Contains("works only in the partner's own Teams", otherTenant.Message, StringComparison.Ordinal);
        var after = await desk.OpenCaseAsync(customer);
        Assert.Equal(SuspensionState.Requested, after.State);
        Assert.Equal(before.History.Count, after.History.Count);
        Assert.Empty(desk.Access.CallsFor(customer.Customer.TenantId, AccessOrderKind.Suspend));
        Assert.Empty(desk.CardsSentTo(customer.PrimaryChat));
    }

    [Theory]
    [InlineData("pl-PL", "Dostęp do Twoich subskrypcji został zawieszony", "Jak przywrócić dostęp", "1\u00A0230,00\u00A0zł")]
    [InlineData("en-GB", "Access to your subscriptions is suspended", "How to restore access", "EUR\u00A01,000.00")]
    public async Task Given_an_approval_card_When_a_billing_admin_approves_Then_access_is_ordered_once_the_audit_says_who_and_when_and_the_customer_is_told_in_their_language(
        string locale, string title, string howToRestore, string amount)
    {
        var customer = await desk.NewCustomerAsync(locale, 31);
        await desk.RequestApprovalAsync(customer, customer.Invoices[0]);
        var requested = await desk.OpenCaseAsync(customer);
        desk.Time.Advance(TimeSpan.FromMinutes(5));
        var approvedAt = desk.Time.GetUtcNow();
        var expectedStamp = TimeZoneInfo.ConvertTime(approvedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw")).ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-US"));

        var answer = await desk.ClickAsync(SuspensionVerbs.Approve, AdminObjectId, Data(requested));

        Assert.Contains($"Access suspended: approved by {AdminName} on {expectedStamp}", CardText(answer.Card), StringComparison.Ordinal);
        Assert.Null(answer.Card.Actions);
        var order = Assert.Single(desk.Access.CallsFor(customer.Customer.TenantId, AccessOrderKind.Suspend));
        Assert.Equal(AdminObjectId, order.RequestedBy);
        Assert.Equal([customer.Invoices[0].Number], order.InvoiceNumbers);

        var suspended = (await desk.Cases.FindAsync(customer.Customer.TenantId, requested.CaseId, CancellationToken.None))!;
        Assert.Equal(SuspensionState.Suspended, suspended.State);
        var approval = Assert.Single(suspended.History, e => e.Kind == SuspensionEventKind.Approved);
        Assert.Equal((AdminObjectId, AdminName, approvedAt), (approval.ByObjectId, approval.ByName, approval.At));
        Assert.Equal(order.OrderId, Assert.Single(suspended.History, e => e.Kind == SuspensionEventKind.Suspended).Detail);
        Assert.Equal("1/2", Assert.Single(suspended.History, e => e.Kind == SuspensionEventKind.CustomerToldOfSuspension).Detail);

        var notice = CardText(Assert.Single(desk.CardsSentTo(customer.PrimaryChat)));
        Assert.Contains(title, notice, StringComparison.Ordinal);
        Assert.Contains(customer.Invoices[0].Number, notice, StringComparison.Ordinal);
        Assert.Contains(amount, notice, StringComparison.Ordinal);
        Assert.Contains(howToRestore, notice, StringComparison.Ordinal);
        Assert.Contains("billing@contoso.example", notice, StringComparison.Ordinal);
        Assert.Empty(desk.CardsSentTo(customer.TechnicalChat));

        // The billing contact who never installed the bot is not forgotten: the team is asked to tell them.
        var askToTell = CardText(Assert.Single(desk.NoticesPosted(customer)));
        Assert.Contains(customer.Billing.Name, askToTell, StringComparison.Ordinal);
        Assert.Contains(customer.Billing.Email, askToTell, StringComparison.Ordinal);

        // Everyone in the channel sees the decision in place of the request.
        Assert.Contains(desk.ChannelUpdates(customer), c => CardText(c).Contains("Access suspended: approved by " + AdminName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_case_already_approved_When_it_is_approved_again_Then_the_answer_is_the_decision_already_made_and_access_is_ordered_once()
    {
        var customer = await desk.NewCustomerAsync("pl-PL", 31);
        await desk.RequestApprovalAsync(customer, customer.Invoices[0]);
        var requested = await desk.OpenCaseAsync(customer);
        await desk.ClickAsync(SuspensionVerbs.Approve, AdminObjectId, Data(requested));

        var again = await desk.ClickAsync(SuspensionVerbs.Approve, AdminObjectId, Data(requested));
        var postponeToo = await desk.ClickAsync(SuspensionVerbs.Postpone, AdminObjectId, Data(requested, customer.Customer.LocalDate(desk.Time.GetUtcNow()).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        Assert.Contains("Access suspended: approved by " + AdminName, CardText(again.Card), StringComparison.Ordinal);
        Assert.Contains("Access suspended: approved by " + AdminName, CardText(postponeToo.Card), StringComparison.Ordinal);
        Assert.Single(desk.Access.CallsFor(customer.Customer.TenantId, AccessOrderKind.Suspend));
        Assert.Single(desk.CardsSentTo(customer.PrimaryChat));
        var history = (await desk.Cases.FindAsync(customer.Customer.TenantId, requested.CaseId, CancellationToken.None))!.History;
        Assert.Single(history, e => e.Kind == SuspensionEventKind.Approved);
        Assert.DoesNotContain(history, e => e.Kind == SuspensionEventKind.Postponed);
    }

    [Fact]
    public async Task Given_an_approval_card_When_a_billing_admin_postpones_to_a_day_Then_the_admins_are_asked_again_on_that_day_and_not_before()
    {
        var customer = await desk.NewCustomerAsync("en-GB", 31);
        await desk.RequestApprovalAsync(customer, customer.Invoices[0]);
        var requested = await desk.OpenCaseAsync(customer);
        var until = customer.Customer.LocalDate(desk.Time.GetUtcNow()).AddDays(3);

        var answer = await desk.ClickAsync(SuspensionVerbs.Postpone, AdminObjectId, Data(requested, until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        var untilText = until.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-US"));
        Assert.Contains($"Postponed until {untilText}: you will be asked again then", CardText(answer.Card), StringComparison.Ordinal);
        Assert.Contains($"Postponed by {AdminName} until {untilText}", CardText(answer.Card), StringComparison.Ordinal);
        Assert.Null(answer.Card.Actions);
        var postponed = await desk.OpenCaseAsync(customer);
        Assert.Equal((SuspensionState.Postponed, until), (postponed.State, postponed.PostponedUntil));
        Assert.Equal(AdminObjectId, postponed.LastDecision!.ByObjectId);

        desk.Time.Advance(TimeSpan.FromDays(2));
        await desk.ReconcileAsync(customer);
        Assert.Single(desk.ApprovalCardsPosted(customer));

        desk.Time.Advance(TimeSpan.FromDays(1));
        await desk.ReconcileAsync(customer);
        await desk.ReconcileAsync(customer);

        var cards = desk.ApprovalCardsPosted(customer);
        Assert.Equal(2, cards.Count);
        Assert.Contains("Waiting for a billing admin's decision", CardText(cards[1]), StringComparison.Ordinal);
        Assert.Equal([SuspensionVerbs.Approve, SuspensionVerbs.Postpone], cards[1].Actions!.OfType<AdaptiveExecuteAction>().Select(a => a.Verb));
        var askedAgain = await desk.OpenCaseAsync(customer);
        Assert.Equal(SuspensionState.Requested, askedAgain.State);
        Assert.Equal(
            [SuspensionEventKind.Requested, SuspensionEventKind.AskedAgents, SuspensionEventKind.Postponed, SuspensionEventKind.AskedAgain, SuspensionEventKind.AskedAgents],
            askedAgain.History.Select(e => e.Kind));
        Assert.Empty(desk.Access.CallsFor(customer.Customer.TenantId, AccessOrderKind.Suspend));
    }

    [Fact]
    public async Task Given_an_approval_card_When_a_billing_admin_postpones_to_today_or_no_day_Then_they_are_asked_for_a_valid_day_and_nothing_changes()
    {
        var customer = await desk.NewCustomerAsync("pl-PL", 31);
        await desk.RequestApprovalAsync(customer, customer.Invoices[0]);
        var requested = await desk.OpenCaseAsync(customer);
        var today = customer.Customer.LocalDate(desk.Time.GetUtcNow());

        var toToday = await desk.ClickAsync(SuspensionVerbs.Postpone, AdminObjectId, Data(requested, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var noDay = await desk.ClickAsync(SuspensionVerbs.Postpone, AdminObjectId, Data(requested));

        Assert.Contains("Please pick a day from " + today.AddDays(1).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-US")), toToday.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing has changed", noDay.Message, StringComparison.Ordinal);
        Assert.Equal(requested.History.Count, (await desk.OpenCaseAsync(customer)).History.Count);
    }

    [Fact]
    public async Task Given_a_suspended_customer_When_the_overdue_invoices_are_paid_Then_access_is_restored_once_audited_and_the_customer_and_the_channel_are_told()
    {
        var customer = await desk.NewCustomerAsync("pl-PL", 31, 40);
        await desk.RequestApprovalAsync(customer, customer.Invoices[0]);
        var requested = await desk.OpenCaseAsync(customer);
        await desk.ClickAsync(SuspensionVerbs.Approve, AdminObjectId, Data(requested));
        await desk.ReconcileAsync(customer);
        Assert.Empty(desk.Access.CallsFor(customer.Customer.TenantId, AccessOrderKind.Restore));

        await desk.PayEverythingAsync(customer);
        desk.Time.Advance(TimeSpan.FromHours(1));
        await desk.ReconcileAsync(customer);
        await desk.ReconcileAsync(customer);

        var restore = Assert.Single(desk.Access.CallsFor(customer.Customer.TenantId, AccessOrderKind.Restore));
        Assert.Equal(SuspensionWorkflow.Bot, restore.RequestedBy);
        Assert.Null(await desk.Cases.FindOpenAsync(customer.Customer.TenantId, CancellationToken.None));
        var restored = (await desk.Cases.FindAsync(customer.Customer.TenantId, requested.CaseId, CancellationToken.None))!;
        Assert.Equal(SuspensionState.Restored, restored.State);
        var restoredEvent = Assert.Single(restored.History, e => e.Kind == SuspensionEventKind.Restored);
        Assert.Equal((restore.OrderId, desk.Time.GetUtcNow()), (restoredEvent.Detail, restoredEvent.At));
        Assert.Single(restored.History, e => e.Kind == SuspensionEventKind.CustomerToldOfRestore);

        var told = desk.CardsSentTo(customer.PrimaryChat);
        Assert.Equal(2, told.Count);
        Assert.Contains("Dostęp do Twoich subskrypcji został przywrócony", CardText(told[1]), StringComparison.Ordinal);
        Assert.Contains(desk.NoticesPosted(customer), c => CardText(c).Contains("Access restored: Fabrikam Polska sp. z o.o.", StringComparison.Ordinal));
        Assert.Contains(desk.ChannelUpdates(customer), c => CardText(c).Contains("Access restored on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_request_When_the_customer_pays_before_anyone_decides_Then_the_case_is_withdrawn_and_a_late_approval_suspends_nothing()
    {
        var customer = await desk.NewCustomerAsync("en-GB", 31);
        await desk.RequestApprovalAsync(customer, customer.Invoices[0]);
        var requested = await desk.OpenCaseAsync(customer);

        await desk.PayEverythingAsync(customer);
        await desk.ReconcileAsync(customer);
        var late = await desk.ClickAsync(SuspensionVerbs.Approve, AdminObjectId, Data(requested));

        Assert.Contains("Withdrawn on", CardText(late.Card), StringComparison.Ordinal);
        Assert.Null(await desk.Cases.FindOpenAsync(customer.Customer.TenantId, CancellationToken.None));
        Assert.DoesNotContain(desk.Access.Calls, c => c.Change.TenantId == customer.Customer.TenantId);
        Assert.Empty(desk.CardsSentTo(customer.PrimaryChat));
        Assert.Contains(desk.ChannelUpdates(customer), c => CardText(c).Contains("nothing is overdue any more", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_an_approval_card_When_Teams_refreshes_it_Then_it_shows_the_current_state_with_buttons_only_for_billing_admins()
    {
        var customer = await desk.NewCustomerAsync("pl-PL", 31);
        await desk.RequestApprovalAsync(customer, customer.Invoices[0]);
        var requested = await desk.OpenCaseAsync(customer);

        var forAdmin = await desk.ClickAsync(SuspensionVerbs.Refresh, AdminObjectId, Data(requested), trigger: "automatic");
        var forAgent = await desk.ClickAsync(SuspensionVerbs.Refresh, AgentObjectId, Data(requested), trigger: "automatic");

        Assert.Equal(2, forAdmin.Card.Actions!.Count);
        Assert.Null(forAgent.Card.Actions);
        Assert.Contains("Waiting for a billing admin's decision", CardText(forAgent.Card), StringComparison.Ordinal);
        Assert.Equal(AdminObjectId, Assert.Single(forAdmin.Card.Refresh!.UserIds!));
        Assert.Equal(requested.History.Count, (await desk.OpenCaseAsync(customer)).History.Count);
    }
}
