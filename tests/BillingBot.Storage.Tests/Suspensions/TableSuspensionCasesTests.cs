using BillingBot.Billing.Staff;
using BillingBot.Billing.Suspensions;
using BillingBot.Storage.Suspensions;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BillingBot.Storage.Tests.Suspensions;

/// <summary>Suspension cases on Azurite: one open case per tenant, decisions applied once under concurrency, and an audit trail that matches the case.</summary>
public sealed class TableSuspensionCasesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 8, 0, 0, TimeSpan.Zero);
    private static readonly StaffMember Admin = new("0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b", "Ewa Kamińska", [StaffRole.BillingAdmin]);

    private readonly TableStore _tables = new(Options.Create(new StorageOptions
    {
        ConnectionString = azurite.ConnectionString,
        TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10],
    }));

    private readonly string _tenant = Guid.NewGuid().ToString();

    private TableSuspensionCases Cases => new(_tables);

    public Task InitializeAsync() => _tables.EnsureTablesAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_an_open_case_When_another_invoice_opens_one_Then_the_open_case_comes_back_unchanged()
    {
        var first = await Cases.OpenAsync(Proposed("FV/2026/10/001"), CancellationToken.None);

        var second = await Cases.OpenAsync(Proposed("FV/2026/11/002"), CancellationToken.None);

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(first.Case.CaseId, second.Case.CaseId);
        Assert.Equal(first.Case.CaseId, (await Cases.FindOpenAsync(_tenant, CancellationToken.None))!.CaseId);
    }

    [Fact]
    public async Task Given_many_invoices_reaching_the_stage_at_once_When_they_open_cases_Then_exactly_one_case_is_opened()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Cases.OpenAsync(Proposed($"FV/2026/10/{i:000}"), CancellationToken.None)));

        Assert.Single(outcomes, o => o.Changed);
        Assert.Single(outcomes.Select(o => o.Case.CaseId).Distinct());
    }

    [Fact]
    public async Task Given_a_requested_case_When_two_admins_approve_at_the_same_moment_Then_one_approval_is_recorded()
    {
        var opened = (await Cases.OpenAsync(Proposed("FV/2026/10/001"), CancellationToken.None)).Case;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            Cases.UpdateAsync(_tenant, opened.CaseId, c => c.AwaitsDecision ? c.Approve(Admin, Now) : null, CancellationToken.None)));

        Assert.Single(outcomes, o => o!.Changed);
        var stored = (await Cases.FindAsync(_tenant, opened.CaseId, CancellationToken.None))!;
        Assert.Equal(SuspensionState.Approved, stored.State);
        Assert.Equal([SuspensionEventKind.Requested, SuspensionEventKind.Approved], stored.History.Select(e => e.Kind));
    }

    [Fact]
    public async Task Given_a_case_When_it_closes_Then_the_tenant_can_open_a_new_one_and_the_old_one_stays_as_it_ended()
    {
        var opened = (await Cases.OpenAsync(Proposed("FV/2026/10/001"), CancellationToken.None)).Case;

        await Cases.UpdateAsync(_tenant, opened.CaseId, c => c.Withdraw(Now.AddDays(1)), CancellationToken.None);
        var closedOpenAgain = await Cases.OpenAsync(Proposed("FV/2026/10/001"), CancellationToken.None);
        var next = await Cases.OpenAsync(Proposed("FV/2027/01/009"), CancellationToken.None);

        Assert.False(closedOpenAgain.Changed);
        Assert.Equal(SuspensionState.Withdrawn, closedOpenAgain.Case.State);
        Assert.True(next.Changed);
        Assert.NotEqual(opened.CaseId, next.Case.CaseId);
        Assert.Equal(next.Case.CaseId, (await Cases.FindOpenAsync(_tenant, CancellationToken.None))!.CaseId);
    }

    [Fact]
    public async Task A_case_reads_back_with_every_field_and_its_audit_trail_in_order()
    {
        var opened = (await Cases.OpenAsync(Proposed("FV/2026/10/001"), CancellationToken.None)).Case;
        var order = new AccessOrder(opened.CaseId + "-suspend", AccessOrderKind.Suspend, _tenant, opened.CaseId, Admin.ObjectId, Now, AccessOrderStatus.Recorded);
        SuspensionCase Decide(SuspensionCase c) => c.WithInvoice("FV/2026/11/002", Now)
            .AskedAgents(new PostedMessage("19:agents@thread.tacv2", "1765700000001"), Now)
            .Postpone(Admin, new DateOnly(2026, 12, 21), Now.AddMinutes(1))
            .AskAgain(Now.AddDays(7))
            .Approve(Admin, Now.AddDays(7).AddMinutes(3))
            .Suspended(order, Now.AddDays(7).AddMinutes(3))
            .ToldOfSuspension(1, 2, Now.AddDays(7).AddMinutes(4));

        var written = (await Cases.UpdateAsync(_tenant, opened.CaseId, Decide, CancellationToken.None))!.Case;
        var read = (await Cases.FindAsync(_tenant, opened.CaseId, CancellationToken.None))!;

        Assert.Equal(written.History, read.History);
        Assert.Equal(written.InvoiceNumbers, read.InvoiceNumbers);
        Assert.Equal(
            (written.State, written.RequestedAt, written.PostponedUntil, written.ApprovalMessage, written.SuspendOrderId, written.CustomerToldOfSuspension),
            (read.State, read.RequestedAt, read.PostponedUntil, read.ApprovalMessage, read.SuspendOrderId, read.CustomerToldOfSuspension));
        Assert.Equal("Ewa Kamińska", read.History.Single(e => e.Kind == SuspensionEventKind.Approved).ByName);
    }

    [Fact]
    public async Task Given_the_default_access_control_When_the_same_order_is_asked_for_twice_Then_the_first_record_stands()
    {
        var access = new RecordingAccessControl(_tables, NullLogger<RecordingAccessControl>.Instance);
        var change = new AccessChange("case1-suspend", _tenant, "case1", ["FV/2026/10/001"], Admin.ObjectId, Now);

        var first = await access.SuspendAsync(change, CancellationToken.None);
        var again = await access.SuspendAsync(change with { RequestedAt = Now.AddMinutes(5) }, CancellationToken.None);

        Assert.Equal(new AccessOrder("case1-suspend", AccessOrderKind.Suspend, _tenant, "case1", Admin.ObjectId, Now, AccessOrderStatus.Recorded), first);
        Assert.Equal(first, again);
    }

    private SuspensionCase Proposed(string invoice) => SuspensionCase.Open(_tenant, $"{_tenant}|{invoice}|suspension-30", invoice, Now);
}
