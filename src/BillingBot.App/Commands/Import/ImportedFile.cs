using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;

namespace BillingBot.App.Commands.Import;

/// <summary>What was read from one file: its good rows as domain objects and the problems of the others.</summary>
internal sealed class ImportedFile(string path)
{
    public string Path { get; } = path;

    public ImportKind? Kind { get; set; }

    public int Rows { get; set; }

    public List<RowError> Errors { get; } = [];

    public List<Customer> Customers { get; } = [];

    public List<Invoice> Invoices { get; } = [];

    public List<Payment> Payments { get; } = [];

    public int Good => Customers.Count + Invoices.Count + Payments.Count;

    /// <summary>Rows with at least one problem (a problem of the header counts as one).</summary>
    public int Bad => Errors.Select(e => e.Line).Distinct().Count();
}
