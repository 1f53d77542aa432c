using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using BillingBot.Billing.Reminders;

namespace BillingBot.Billing.Tests.Reminders;

/// <summary>
/// What happens to one customer over a simulated stretch of time: its invoices, the payments and status changes that
/// reach them, and what its people say. <see cref="At"/> gives what the planner would read from storage at an instant.
/// </summary>
internal sealed class CustomerHistory(string label, Customer customer)
{
    private readonly List<Invoice> _invoices = [];
    private readonly List<Payment> _payments = [];
    private readonly List<(DateTimeOffset At, string Number, InvoiceStatus Status)> _statusChanges = [];
    private readonly List<PromiseToPay> _promises = [];
    private readonly List<ReminderSnooze> _snoozes = [];
    private readonly List<ReminderOptOut> _optOuts = [];
    private readonly List<(DateTimeOffset At, PaymentClaim Claim)> _claims = [];
    private readonly List<ReminderPreference> _preferences = [];

    public string Label { get; } = label;

    public Customer Customer { get; } = customer;

    /// <summary>An invoice of 1,230.00 issued and due on these days of the customer's calendar.</summary>
    public CustomerHistory Issues(string number, DateOnly issued, DateOnly due)
    {
        _invoices.Add(ReminderWorld.Invoice(Customer, number, issued, due));
        return this;
    }

    public CustomerHistory Pays(string number, decimal amount, DateOnly day, int hour, int minute = 0) =>
        Pays(number, amount, ReminderWorld.At(Customer, day, hour, minute));

    public CustomerHistory Pays(string number, decimal amount, DateTimeOffset at)
    {
        _payments.Add(new Payment($"PAY-{_payments.Count + 1}", Customer.TenantId, number, at, new Money(amount, Customer.Currency), PaymentMethod.BankTransfer, number));
        return this;
    }

    /// <summary>The invoice's recorded status from then on, e.g. Disputed when a complaint is filed, Issued when it is rejected.</summary>
    public CustomerHistory Records(string number, InvoiceStatus status, DateOnly day, int hour, int minute = 0)
    {
        _statusChanges.Add((ReminderWorld.At(Customer, day, hour, minute), number, status));
        return this;
    }

    public CustomerHistory Promises(string number, string person, DateOnly promisedDate, DateOnly day, int hour)
    {
        _promises.Add(new PromiseToPay(Customer.TenantId, number, promisedDate, person, ReminderWorld.At(Customer, day, hour)));
        return this;
    }

    public CustomerHistory Snoozes(string number, string person, DateOnly until, DateOnly day, int hour)
    {
        _snoozes.Add(new ReminderSnooze(Customer.TenantId, number, person, until, ReminderWorld.At(Customer, day, hour)));
        return this;
    }

    public CustomerHistory OptsOut(string number, string person, DateOnly day, int hour)
    {
        _optOuts.Add(new ReminderOptOut(Customer.TenantId, number, person, ReminderWorld.At(Customer, day, hour)));
        return this;
    }

    /// <summary>"I've paid" (or the billing admin's later decision on it: the same claim with a new status).</summary>
    public CustomerHistory Claims(string number, string person, DateOnly claimDay, int claimHour, PaymentClaimStatus status, DateOnly day, int hour, int minute = 0)
    {
        _claims.Add((ReminderWorld.At(Customer, day, hour, minute), new PaymentClaim(Customer.TenantId, number, person, ReminderWorld.At(Customer, claimDay, claimHour), status)));
        return this;
    }

    public CustomerHistory Prefers(string person, string language)
    {
        _preferences.Add(new ReminderPreference(Customer.TenantId, person, language, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        return this;
    }

    /// <summary>The planner's inputs as storage holds them at an instant: later events have not happened yet.</summary>
    public ReminderInputs At(DateTimeOffset now)
    {
        var invoices = _invoices.Select(invoice =>
        {
            var status = _statusChanges.Where(c => c.Number == invoice.Number && c.At <= now).Select(c => (InvoiceStatus?)c.Status).LastOrDefault();
            var recorded = status is { } s ? invoice.WithStatus(s) : invoice;
            return recorded.ApplyPayments(_payments.Where(p => p.InvoiceNumber == invoice.Number && p.ReceivedAt <= now));
        });
        var claims = _claims
            .Where(c => c.At <= now)
            .GroupBy(c => (c.Claim.InvoiceNumber, c.Claim.ByObjectId))
            .Select(g => g.Last().Claim);
        return new ReminderInputs(
            Customer,
            [.. invoices],
            new ReminderControlSet(
                [.. _promises.Where(p => p.MadeAt <= now)],
                [.. _snoozes.Where(s => s.MadeAt <= now)],
                [.. claims],
                [.. _optOuts.Where(o => o.MadeAt <= now)],
                [.. _preferences]));
    }
}
