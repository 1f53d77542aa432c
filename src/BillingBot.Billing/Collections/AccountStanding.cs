using BillingBot.Billing.Invoices;

namespace BillingBot.Billing.Collections;

/// <summary>
/// Where a customer stands on a calendar date: what is owed, what is overdue, what falls due next, and whether the
/// collection policy puts their access at risk. Disputed invoices are owed but never dunned; cancelled ones are not owed.
/// </summary>
public sealed record AccountStanding
{
    private AccountStanding(DateOnly date, IReadOnlyList<Invoice> invoices, IReadOnlyList<Invoice> unpaid, IReadOnlyList<Invoice> overdue, CollectionPolicy policy)
    {
        Date = date;
        Invoices = invoices;
        Unpaid = unpaid;
        Overdue = overdue;
        Policy = policy;
    }

    public DateOnly Date { get; }

    public CollectionPolicy Policy { get; }

    /// <summary>Every invoice, newest first.</summary>
    public IReadOnlyList<Invoice> Invoices { get; }

    /// <summary>Invoices with something left to pay (disputed ones included), by due date.</summary>
    public IReadOnlyList<Invoice> Unpaid { get; }

    /// <summary>Unpaid invoices past their due date that are not disputed, oldest due first.</summary>
    public IReadOnlyList<Invoice> Overdue { get; }

    /// <summary>What is owed in total, per currency (a customer normally has one).</summary>
    public IReadOnlyList<Money> TotalDue => SumByCurrency(Unpaid);

    /// <summary>What is owed past the due date, per currency.</summary>
    public IReadOnlyList<Money> OverdueTotal => SumByCurrency(Overdue);

    /// <summary>The unpaid invoice that falls due next (today or later), if any.</summary>
    public Invoice? NextDue => Unpaid.FirstOrDefault(i => i.DueDate >= Date && i.StatusOn(Date) != InvoiceStatus.Disputed);

    /// <summary>The overdue invoice that brings suspension closest: the one due first.</summary>
    public Invoice? MostUrgent => Overdue.FirstOrDefault();

    /// <summary>The first day access may be suspended under the policy, if an invoice is overdue.</summary>
    public DateOnly? SuspensionDate => MostUrgent is { } invoice ? Policy.SuspensionDate(invoice.DueDate) : null;

    /// <summary>Whether the policy already allows suspending access.</summary>
    public bool IsSuspendable => SuspensionDate is { } date && Date >= date;

    public static AccountStanding On(DateOnly date, IEnumerable<Invoice> invoices, CollectionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(policy);
        var all = invoices.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Number, StringComparer.Ordinal).ToList();
        var unpaid = all
            .Where(i => i.StatusOn(date) is not (InvoiceStatus.Paid or InvoiceStatus.Cancelled) && !i.Outstanding.IsZero)
            .OrderBy(i => i.DueDate).ThenBy(i => i.Number, StringComparer.Ordinal)
            .ToList();
        var overdue = unpaid.Where(i => i.StatusOn(date) == InvoiceStatus.Overdue && date > policy.PaymentDeadline(i.DueDate)).ToList();
        return new AccountStanding(date, all, unpaid, overdue, policy);
    }

    private static List<Money> SumByCurrency(IEnumerable<Invoice> invoices) =>
        [.. invoices.GroupBy(i => i.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate(Money.Zero(g.Key), (sum, i) => sum + i.Outstanding))];
}
