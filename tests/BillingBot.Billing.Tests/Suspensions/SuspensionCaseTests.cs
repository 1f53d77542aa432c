using BillingBot.Billing.Staff;
using BillingBot.Billing.Suspensions;

namespace BillingBot.Billing.Tests.Suspensions;

/// <summary>A suspension case moves one step at a time and records each step with who and when.</summary>
public sealed class SuspensionCaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 8, 0, 0, TimeSpan.Zero);
    private static readonly StaffMember Admin = new("0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b", "Ewa Kamińska", [StaffRole.BillingAdmin]);

    [Fact]
    public void The_same_invoice_stage_always_gets_the_same_case_id_and_another_stage_another()
    {
        var id = SuspensionCase.IdFor("tenant|FV/2026/10/001|suspension-30");

        Assert.Equal(id, SuspensionCase.IdFor("tenant|FV/2026/10/001|suspension-30"));
        Assert.NotEqual(id, SuspensionCase.IdFor("tenant|FV/2026/10/002|suspension-30"));
        Assert.Matches("^[0-9a-f]{20}$", id);
    }

    [Fact]
    public void An_approval_records_who_approved_and_when()
    {
        var approved = Open().Approve(Admin, Now.AddMinutes(5));

        Assert.Equal(SuspensionState.Approved, approved.State);
        Assert.Equal(new SuspensionEvent(SuspensionEventKind.Approved, Now.AddMinutes(5), Admin.ObjectId, Admin.Name), approved.LastDecision);
    }

    [Fact]
    public void A_postponed_case_is_decided_until_it_is_asked_again()
    {
        var postponed = Open().Postpone(Admin, new DateOnly(2026, 12, 21), Now);

        Assert.False(postponed.AwaitsDecision);
        Assert.Throws<InvalidOperationException>(() => postponed.Approve(Admin, Now));
        var askedAgain = postponed.AskAgain(Now.AddDays(7));
        Assert.True(askedAgain.AwaitsDecision);
        Assert.Null(askedAgain.PostponedUntil);
        Assert.Equal("2026-12-21", postponed.LastDecision!.Detail);
    }

    [Fact]
    public void Access_cannot_be_suspended_without_an_approval_nor_restored_unless_suspended()
    {
        var order = new AccessOrder("x-suspend", AccessOrderKind.Suspend, "tenant", "x", "bot", Now, AccessOrderStatus.Recorded);

        Assert.Throws<InvalidOperationException>(() => Open().Suspended(order, Now));
        Assert.Throws<InvalidOperationException>(() => Open().Restore(order, Now));
        Assert.Throws<InvalidOperationException>(() => Open().Approve(Admin, Now).Withdraw(Now));
    }

    [Fact]
    public void A_restored_case_closes_only_once_the_customer_is_told()
    {
        var order = new AccessOrder("x-suspend", AccessOrderKind.Suspend, "tenant", "x", Admin.ObjectId, Now, AccessOrderStatus.Recorded);
        var restored = Open().Approve(Admin, Now).Suspended(order, Now).Restore(order with { OrderId = "x-restore", Kind = AccessOrderKind.Restore }, Now.AddDays(2));

        Assert.False(restored.IsClosed);
        Assert.True(restored.ToldOfRestore(1, 2, Now.AddDays(2)).IsClosed);
        Assert.True(Open().Withdraw(Now).IsClosed);
    }

    [Fact]
    public void An_invoice_joins_a_case_once()
    {
        var joined = Open().WithInvoice("FV/2026/11/002", Now);

        Assert.Same(joined, joined.WithInvoice("FV/2026/11/002", Now));
        Assert.Equal(["FV/2026/10/001", "FV/2026/11/002"], joined.InvoiceNumbers);
        Assert.Equal([SuspensionEventKind.Requested, SuspensionEventKind.InvoiceAdded], joined.History.Select(e => e.Kind));
    }

    private static SuspensionCase Open() => SuspensionCase.Open("tenant", "tenant|FV/2026/10/001|suspension-30", "FV/2026/10/001", Now);
}
