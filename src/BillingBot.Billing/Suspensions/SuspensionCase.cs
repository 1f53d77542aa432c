using System.Security.Cryptography;
using System.Text;
using BillingBot.Billing.Staff;

namespace BillingBot.Billing.Suspensions;

/// <summary>
/// A customer's suspension from the moment an invoice reaches the suspension stage until access is restored (or the
/// case is withdrawn because the customer paid first). Every change appends to <see cref="History"/>, the audit trail:
/// who approved or postponed and when, the access-control orders, and when the customer was told.
/// </summary>
/// <remarks>The transitions return a new case and refuse (InvalidOperationException) to skip a step.</remarks>
public sealed record SuspensionCase
{
    public required string TenantId { get; init; }

    /// <summary>Derived from the reminder key of the invoice stage that opened it, so asking twice finds the same case.</summary>
    public required string CaseId { get; init; }

    public required SuspensionState State { get; init; }

    /// <summary>The invoices that reached the suspension stage while the case was open, in order.</summary>
    public required IReadOnlyList<string> InvoiceNumbers { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>The customer's calendar day on which a postponed case is asked again.</summary>
    public DateOnly? PostponedUntil { get; init; }

    /// <summary>The approval request in the agents' channel, once posted; null while it waits for the channel.</summary>
    public PostedMessage? ApprovalMessage { get; init; }

    public string? SuspendOrderId { get; init; }

    public string? RestoreOrderId { get; init; }

    public bool CustomerToldOfSuspension { get; init; }

    public bool CustomerToldOfRestore { get; init; }

    /// <summary>The audit trail, oldest first.</summary>
    public IReadOnlyList<SuspensionEvent> History { get; init; } = [];

    /// <summary>Whether the case has nothing left to do: withdrawn, or restored and the customer told.</summary>
    public bool IsClosed => State == SuspensionState.Withdrawn || (State == SuspensionState.Restored && CustomerToldOfRestore);

    /// <summary>Whether the billing admins are being asked to approve or postpone (a postponed case is decided until its date).</summary>
    public bool AwaitsDecision => State == SuspensionState.Requested;

    /// <summary>The last approval or postponement, with who and when.</summary>
    public SuspensionEvent? LastDecision => History.LastOrDefault(e => e.Kind is SuspensionEventKind.Approved or SuspensionEventKind.Postponed);

    /// <summary>The event of a kind that happened last, if any.</summary>
    public SuspensionEvent? Last(SuspensionEventKind kind) => History.LastOrDefault(e => e.Kind == kind);

    /// <summary>The case id for a reminder key ("{tenant}|{invoice}|{stage}"): short, key-safe and always the same.</summary>
    public static string IdFor(string reminderKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Guard.Required(reminderKey, nameof(reminderKey)))))[..20];

    /// <summary>A new case for an invoice that reached the suspension stage.</summary>
    public static SuspensionCase Open(string tenantId, string reminderKey, string invoiceNumber, DateTimeOffset at) => new()
    {
        TenantId = Guard.Required(tenantId, nameof(tenantId)),
        CaseId = IdFor(reminderKey),
        State = SuspensionState.Requested,
        InvoiceNumbers = [Guard.Required(invoiceNumber, nameof(invoiceNumber))],
        RequestedAt = at,
        History = [new SuspensionEvent(SuspensionEventKind.Requested, at, Detail: invoiceNumber)],
    };

    /// <summary>The case with one more invoice behind it; the same case when the invoice is already in it.</summary>
    public SuspensionCase WithInvoice(string invoiceNumber, DateTimeOffset at) =>
        InvoiceNumbers.Contains(invoiceNumber, StringComparer.Ordinal)
            ? this
            : Append(this with { InvoiceNumbers = [.. InvoiceNumbers, invoiceNumber] }, new(SuspensionEventKind.InvoiceAdded, at, Detail: invoiceNumber));

    public SuspensionCase AskedAgents(PostedMessage message, DateTimeOffset at)
    {
        Require(SuspensionState.Requested);
        return Append(this with { ApprovalMessage = message }, new(SuspensionEventKind.AskedAgents, at));
    }

    public SuspensionCase Approve(StaffMember by, DateTimeOffset at)
    {
        Require(SuspensionState.Requested);
        return Append(this with { State = SuspensionState.Approved }, new(SuspensionEventKind.Approved, at, by.ObjectId, by.Name));
    }

    public SuspensionCase Postpone(StaffMember by, DateOnly until, DateTimeOffset at)
    {
        Require(SuspensionState.Requested);
        return Append(this with { State = SuspensionState.Postponed, PostponedUntil = until }, new(SuspensionEventKind.Postponed, at, by.ObjectId, by.Name, until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The postponement ended: the admins are asked again, with a new approval request.</summary>
    public SuspensionCase AskAgain(DateTimeOffset at)
    {
        Require(SuspensionState.Postponed);
        return Append(this with { State = SuspensionState.Requested, PostponedUntil = null, ApprovalMessage = null }, new(SuspensionEventKind.AskedAgain, at));
    }

    public SuspensionCase Suspended(AccessOrder order, DateTimeOffset at)
    {
        Require(SuspensionState.Approved);
        return Append(this with { State = SuspensionState.Suspended, SuspendOrderId = order.OrderId }, new(SuspensionEventKind.Suspended, at, Detail: order.OrderId));
    }

    public SuspensionCase ToldOfSuspension(int reached, int contacts, DateTimeOffset at)
    {
        Require(SuspensionState.Suspended, SuspensionState.Restored);
        return Append(this with { CustomerToldOfSuspension = true }, new(SuspensionEventKind.CustomerToldOfSuspension, at, Detail: Count(reached, contacts)));
    }

    /// <summary>Nothing is overdue any more and access was never suspended: the case ends.</summary>
    public SuspensionCase Withdraw(DateTimeOffset at)
    {
        Require(SuspensionState.Requested, SuspensionState.Postponed);
        return Append(this with { State = SuspensionState.Withdrawn, PostponedUntil = null }, new(SuspensionEventKind.Withdrawn, at));
    }

    public SuspensionCase Restore(AccessOrder order, DateTimeOffset at)
    {
        Require(SuspensionState.Suspended);
        return Append(this with { State = SuspensionState.Restored, RestoreOrderId = order.OrderId }, new(SuspensionEventKind.Restored, at, Detail: order.OrderId));
    }

    public SuspensionCase ToldOfRestore(int reached, int contacts, DateTimeOffset at)
    {
        Require(SuspensionState.Restored);
        return Append(this with { CustomerToldOfRestore = true }, new(SuspensionEventKind.CustomerToldOfRestore, at, Detail: Count(reached, contacts)));
    }

    private static SuspensionCase Append(SuspensionCase changed, SuspensionEvent entry) => changed with { History = [.. changed.History, entry] };

    private static string Count(int reached, int contacts) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{reached}/{contacts}");

    private void Require(params SuspensionState[] states)
    {
        if (!states.Contains(State))
        {
            throw new InvalidOperationException($"Suspension case {CaseId} is {State}; this step needs {string.Join(" or ", states)}.");
        }
    }
}
