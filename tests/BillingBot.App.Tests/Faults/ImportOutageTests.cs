using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using BillingBot.App.Commands;
using BillingBot.App.Commands.Import;
using BillingBot.App.Tests.Commands;
using BillingBot.Billing.Invoices;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Faults;

/// <summary>
/// `import` of customers, 300 invoices and 1 080 payments, with Table Storage stopping after the first thousand payments
/// were written and coming back with its data (Azurite on disk). The interrupted run says so and fails; running the
/// same import again leaves every row stored exactly once: no invoice missing or twice in the due-date index, no
/// payment counted twice in what its invoice has paid.
/// </summary>
public sealed class ImportOutageTests(DiskBotEnvironment fixture) : IClassFixture<DiskBotEnvironment>, IDisposable
{
    private const int InvoicesPerCustomer = 100;
    private const int PaidInvoices = 108;
    private const int PaymentsPerInvoice = 10;
    private static readonly string[] Tenants =
    [
        "1d3e5f70-8192-4a3b-8c4d-5e6f70819201",
        "2e4f6071-9203-4b4c-9d5e-6f7081920312",
        "3f507182-a314-4c5d-ae6f-708192031423",
    ];

    private readonly ScratchFiles _files = new();

    private AzuriteFixture Azurite => fixture.Env.Azurite;

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_import_cut_short_by_storage_and_run_again_stores_every_row_exactly_once()
    {
        await using var harness = new CommandHarness(Azurite);
        string[] files = [_files.Write("customers.csv", CustomersCsv()), _files.Write("invoices.csv", InvoicesCsv()), _files.Write("payments.csv", PaymentsCsv())];

        var cut = await ImportCutAsync(harness, files, files[2] + ": 1 000 of 1 080 rows written");
        var paidBeforeTheRetry = await PaidAsync(harness);
        using var errors = new StringWriter();
        var complete = await ImportAsync(harness, files, errors);

        Assert.Equal(ExitCodes.Failed, cut.ExitCode);
        Assert.Contains("import: storage is unavailable", cut.Errors, StringComparison.Ordinal);
        // The retry finds most payments recorded already and must not count them again.
        Assert.Equal(1000m * 100, paidBeforeTheRetry);
        Assert.Equal(ExitCodes.Ok, complete);
        foreach (var (tenant, index) in Tenants.Select((t, i) => (t, i)))
        {
            var invoices = await harness.Invoices.ListForCustomerAsync(tenant, CancellationToken.None);
            Assert.Equal(Enumerable.Range(0, InvoicesPerCustomer).Select(n => Number(index, n)).Order(StringComparer.Ordinal), invoices.Select(i => i.Number).Order(StringComparer.Ordinal));
            var payments = await harness.Payments.ListForCustomerAsync(tenant, CancellationToken.None);
            Assert.Equal(payments.Count, payments.Select(p => p.PaymentId).Distinct(StringComparer.Ordinal).Count());
            foreach (var invoice in invoices)
            {
                // What an invoice has paid is the sum of its payments, each once: 1 000.00 where the file pays it, nothing elsewhere.
                var paid = index * InvoicesPerCustomer + int.Parse(invoice.Number[^3..], CultureInfo.InvariantCulture) < PaidInvoices;
                Assert.Equal(paid ? PaymentsPerInvoice : 0, payments.Count(p => p.InvoiceNumber == invoice.Number));
                Assert.Equal((paid ? 1000m : 0m, paid ? InvoiceStatus.PartiallyPaid : InvoiceStatus.Issued), (invoice.AmountPaid.Amount, invoice.Status));
            }
        }

        var due = new List<string>();
        await foreach (var entity in harness.Services.GetRequiredService<TableStore>().GetTable(TableStore.InvoicesDueTable).QueryAsync<TableEntity>())
        {
            due.Add(entity.RowKey);
        }

        Assert.Equal(Tenants.Length * InvoicesPerCustomer, due.Count);
        Assert.Equal(due.Count, due.Distinct(StringComparer.Ordinal).Count());
    }

    private static async Task<decimal> PaidAsync(CommandHarness harness)
    {
        var paid = 0m;
        foreach (var tenant in Tenants)
        {
            paid += (await harness.Invoices.ListForCustomerAsync(tenant, CancellationToken.None)).Sum(i => i.AmountPaid.Amount);
        }

        return paid;
    }

    /// <summary>Runs the import and stops storage when it reports <paramref name="progress"/>; starts it again afterwards.</summary>
    private async Task<(int ExitCode, string Errors)> ImportCutAsync(CommandHarness harness, string[] files, string progress)
    {
        using var cutting = new SignallingWriter(line => line == progress, () => Azurite.StopAsync());
        try
        {
            return (await ImportAsync(harness, files, cutting), cutting.ToString());
        }
        finally
        {
            await Azurite.StartAsync();
        }
    }

    private static async Task<int> ImportAsync(CommandHarness harness, string[] files, TextWriter errors)
    {
        using var output = new StringWriter();
        return await new CommandRouter().Add<ImportCommand>("import")
            .RunAsync(harness.Services, ["import", .. files], new CommandConsole(output, errors), CancellationToken.None);
    }

    private static string Number(int customer, int n) => string.Create(CultureInfo.InvariantCulture, $"FV/2026/{customer + 1:00}/{n:000}");

    private static string CustomersCsv()
    {
        var csv = new StringBuilder("tenant_id,name,currency,locale,time_zone,payment_term_days,support_plan,contacts\n");
        foreach (var (tenant, i) in Tenants.Select((t, i) => (t, i)))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{tenant},Customer {i} sp. z o.o.,PLN,pl-PL,Europe/Warsaw,14,Standard,{Guid.NewGuid()}|Anna Kowalska|anna{i}@example.com|Primary\n");
        }

        return csv.ToString();
    }

    private static string InvoicesCsv()
    {
        var csv = new StringBuilder("tenant_id,number,period_start,period_end,issue_date,due_date,currency,net,tax,gross\n");
        var day = new DateOnly(2026, 10, 1);
        foreach (var (tenant, i) in Tenants.Select((t, i) => (t, i)))
        {
            for (var n = 0; n < InvoicesPerCustomer; n++)
            {
                // A week of due dates: the due-date index is written in full transactions.
                var issued = day.AddDays(n % 7);
                csv.Append(CultureInfo.InvariantCulture, $"{tenant},{Number(i, n)},{issued:yyyy-MM-dd},{issued:yyyy-MM-dd},{issued:yyyy-MM-dd},{issued.AddDays(14):yyyy-MM-dd},PLN,1000.00,230.00,1230.00\n");
            }
        }

        return csv.ToString();
    }

    private static string PaymentsCsv()
    {
        var csv = new StringBuilder("tenant_id,payment_id,invoice_number,received_at,amount,currency,method,reference\n");
        for (var row = 0; row < PaidInvoices; row++)
        {
            var (customer, n) = (row / InvoicesPerCustomer, row % InvoicesPerCustomer);
            for (var p = 0; p < PaymentsPerInvoice; p++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{Tenants[customer]},P-{row:0000}-{p:00},{Number(customer, n)},2026-11-20T10:00:00+01:00,100.00,PLN,BankTransfer,{Number(customer, n)}\n");
            }
        }

        return csv.ToString();
    }
}
