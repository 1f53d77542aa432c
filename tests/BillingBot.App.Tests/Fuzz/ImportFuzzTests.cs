using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BillingBot.App.Commands;
using BillingBot.App.Commands.Import;
using BillingBot.App.Tests.Commands;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using BillingBot.TestKit.Fuzz;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Fuzz;

/// <summary>
/// The import command, as the app runs it, on generated and mangled CSV files: quoting, delimiters, line ends, BOMs and
/// encodings, missing, doubled and unknown columns, short and long rows, huge fields, bad dates, amounts and
/// currencies, doubled rows, spreadsheet formulas. It exits 0 or 1 with a message and no stack trace; a refused file
/// writes nothing, and with --skip-bad-rows exactly the rows it reports as imported are written. Valid files import,
/// and what they hold reads back equal.
/// </summary>
public sealed partial class ImportFuzzTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly CsvMutationKind[] Kinds = Enum.GetValues<CsvMutationKind>();

    private readonly ScratchFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_mangled_import_file_exits_with_its_documented_code_and_writes_exactly_what_it_reports()
    {
        await using var harness = new CommandHarness(azurite);
        var (customers, invoices) = await KnownRecordsAsync(harness);
        var tables = harness.Services.GetRequiredService<TableStore>();
        var n = 0;
        var exits = new Dictionary<int, int>();

        await FuzzCheck.RunAsync(
            nameof(ImportFuzzTests) + "." + nameof(A_mangled_import_file_exits_with_its_documented_code_and_writes_exactly_what_it_reports),
            seed: 41,
            count: 150,
            Cases(customers, invoices),
            async input =>
            {
                var unique = "f" + (++n).ToString(CultureInfo.InvariantCulture);
                var path = _files.Write($"import-{unique}.csv", string.Empty);
                await File.WriteAllBytesAsync(path, FileOf(input, unique));
                var before = await BillingTables.SnapshotAsync(tables);

                var result = await ImportAsync(harness, path, input);
                exits[result.ExitCode] = exits.GetValueOrDefault(result.ExitCode) + 1;

                var (written, removed) = BillingTables.Changes(before, await BillingTables.SnapshotAsync(tables));
                return Problem(input, result, written, removed);
            },
            input => $"{input}\n    file: {Encoding.UTF8.GetString(FileOf(input, "f?"))}");

        // The fuzzer got files both through and refused.
        Assert.True(exits.GetValueOrDefault(ExitCodes.Ok) > 0 && exits.GetValueOrDefault(ExitCodes.Failed) > 0, string.Join(", ", exits));
    }

    [Fact]
    public async Task Valid_generated_customers_and_invoices_import_and_read_back_equal()
    {
        await using var harness = new CommandHarness(azurite);
        var (customers, _) = await KnownRecordsAsync(harness);
        var n = 0;
        var files = Gen.Sized(size => Gen.Choose(1, 1 + (size / 10)))
            .SelectMany(count => Gen.CollectToList(Enumerable.Range(0, count), i => BillingRecordGen.Customer(i)))
            .SelectMany(_ => Gen.Sized(size => Gen.Choose(1, 2 + (size / 8))).SelectMany(count => Gen.CollectToList(Enumerable.Range(0, count), i => BillingRecordGen.Invoice(customers, i))),
                (c, i) => (Customers: c, Invoices: i));

        await FuzzCheck.RunAsync(
            nameof(ImportFuzzTests) + "." + nameof(Valid_generated_customers_and_invoices_import_and_read_back_equal),
            seed: 42,
            count: 40,
            files,
            async input =>
            {
                var unique = "v" + (++n).ToString(CultureInfo.InvariantCulture);
                var newCustomers = input.Customers.Select(c => BillingRecordGen.Own(c, unique)).ToList();
                var newInvoices = input.Invoices.Select(i => BillingRecordGen.Own(i, unique)).ToList();
                var customerFile = _files.Write($"customers-{unique}.csv", Csv(ImportKind.Customers, newCustomers.Select(CsvRecords.Row)));
                var invoiceFile = _files.Write($"invoices-{unique}.csv", Csv(ImportKind.Invoices, newInvoices.Select(CsvRecords.Row)));

                var result = await RunAsync(harness, ["import", customerFile, invoiceFile]);

                if (result.ExitCode != ExitCodes.Ok)
                {
                    return $"exit {result.ExitCode}: {result.Error}";
                }

                foreach (var expected in newCustomers)
                {
                    var stored = await harness.Customers.FindAsync(expected.TenantId, CancellationToken.None);
                    if (stored is null || Describe(stored) != Describe(expected))
                    {
                        return $"customer {expected.TenantId} read back as {(stored is null ? "nothing" : Describe(stored))}, not {Describe(expected)}";
                    }
                }

                foreach (var expected in newInvoices)
                {
                    var stored = await harness.Invoices.FindAsync(expected.TenantId, expected.Number, CancellationToken.None);
                    if (stored is null || !stored.Equals(expected))
                    {
                        return $"invoice {expected.Number} read back as {(stored is null ? "nothing" : Describe(stored))}, not {Describe(expected)}";
                    }
                }

                return null;
            },
            input => Csv(ImportKind.Customers, input.Customers.Select(CsvRecords.Row)) + Csv(ImportKind.Invoices, input.Invoices.Select(CsvRecords.Row)));
    }

    /// <summary>What is wrong with how an import ended, or null when it ended as documented.</summary>
    private static string? Problem(ImportCase input, CommandResult result, List<string> written, List<string> removed)
    {
        var reported = ImportedCount().Match(result.Out) is { Success: true } match ? int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture) : 0;
        var rowsOfKind = written.Count(key => key.StartsWith(TableStore.BillingTable + "\n", StringComparison.Ordinal) && input.Kind switch
        {
            ImportKind.Customers => key.EndsWith("\ncustomer", StringComparison.Ordinal),
            ImportKind.Invoices => key.Contains("\ninvoice|", StringComparison.Ordinal),
            _ => key.Contains("\npayment|", StringComparison.Ordinal),
        });
        return result switch
        {
            { ExitCode: not (ExitCodes.Ok or ExitCodes.Failed) } => $"exit {result.ExitCode}: {result.Error}",
            _ when result.Error.Contains("   at ", StringComparison.Ordinal) || result.Error.Contains("Exception", StringComparison.Ordinal) => "a stack trace: " + result.Error,
            _ when result.Error.Contains("storage is unavailable", StringComparison.Ordinal) => "a bad file reported as a storage outage: " + result.Error,
            { ExitCode: ExitCodes.Failed } when result.Error.Trim().Length == 0 => "exit 1 without a word why",
            { ExitCode: ExitCodes.Ok } when !result.Out.Contains("Imported ", StringComparison.Ordinal) => "exit 0 without saying what was imported: " + result.Out,
            _ when removed.Count > 0 => $"an import removed rows: {string.Join(", ", removed)}",
            { ExitCode: ExitCodes.Failed } when !input.SkipBadRows && written.Count > 0 => $"a refused file wrote {written.Count} rows: {string.Join(", ", written.Take(5))}\n{result.Error}",
            _ when rowsOfKind != reported => $"it reported {reported} imported but wrote {rowsOfKind} rows of {input.Kind}: {result.Out}\n{result.Error}",
            _ => null,
        };
    }

    private static Gen<ImportCase> Cases(IReadOnlyList<Customer> customers, IReadOnlyList<Invoice> invoices)
    {
        var mutation = Gen.Elements(Kinds)
            .SelectMany(kind => Gen.Choose(0, 1_000_000).SelectMany(_ => Gen.Choose(0, CsvMutator.VariantCount(kind) - 1), (target, variant) => (target, variant)),
                (kind, tv) => new CsvMutation(kind, tv.target, tv.variant));
        var mutations = Gen.Frequency(
            (1, Gen.Constant(new List<CsvMutation>())),
            (6, Gen.Sized(size => Gen.Choose(1, 1 + (size / 30))).SelectMany(count => Gen.ListOf(mutation, count))));
        var rows = Gen.Elements(ImportKind.Customers, ImportKind.Invoices, ImportKind.Payments)
            .SelectMany(kind => Gen.Sized(size => Gen.Choose(1, 1 + (size / 12))).SelectMany(count => Gen.CollectToList(Enumerable.Range(0, count), i => kind switch
            {
                ImportKind.Customers => BillingRecordGen.Customer(i).Select(CsvRecords.Row),
                ImportKind.Invoices => BillingRecordGen.Invoice(customers, i).Select(CsvRecords.Row),
                _ => BillingRecordGen.Payment(invoices, i).Select(CsvRecords.Row),
            })), (kind, list) => (kind, list));
        return rows
            .SelectMany(_ => mutations, (r, m) => (r.kind, r.list, m))
            .SelectMany(_ => Gen.Elements(false, false, true), (c, skip) => (c.kind, c.list, c.m, skip))
            .SelectMany(_ => Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2))),
                (c, kindOption) => new ImportCase(c.kind, [.. c.list], [.. c.m], c.skip, kindOption));
    }

    private static byte[] FileOf(ImportCase input, string unique) =>
        CsvMutator.Write(new CsvTable(CsvRecords.Header(input.Kind), [.. input.Rows.Select(r => r.Select(cell => cell.Replace(BillingRecordGen.Unique, unique, StringComparison.Ordinal)).ToList())]), input.Mutations);

    private static Task<CommandResult> ImportAsync(CommandHarness harness, string path, ImportCase input)
    {
        var arguments = new List<string> { "import", path };
        if (input.SkipBadRows)
        {
            arguments.Add("--skip-bad-rows");
        }

        if (input.KindOption > 0)
        {
            var kind = input.KindOption == 1 ? input.Kind : (ImportKind)(((int)input.Kind + 1) % 3);
            arguments.AddRange(["--kind", kind.ToString().ToLowerInvariant()]);
        }

        return RunAsync(harness, arguments);
    }

    /// <summary>Runs the command as the app does: through the command router, which reports what it catches.</summary>
    private static async Task<CommandResult> RunAsync(CommandHarness harness, IReadOnlyList<string> arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var router = new CommandRouter().Add<ImportCommand>("import");
        var exit = await router.RunAsync(harness.Services, arguments, new CommandConsole(output, error), CancellationToken.None);
        return new CommandResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Three customers and four invoices each, stored before the run: invoices and payments of the files refer to them.</summary>
    private static async Task<(IReadOnlyList<Customer> Customers, IReadOnlyList<Invoice> Invoices)> KnownRecordsAsync(CommandHarness harness)
    {
        await harness.EnsureTablesAsync();
        var customers = Gen.CollectToList(Enumerable.Range(0, 3), BillingRecordGen.Customer).Sample(1, new Rnd(7), 10)[0]
            .Select(c => BillingRecordGen.Own(c, "known")).ToList();
        var invoices = Gen.CollectToList(Enumerable.Range(0, 12), i => BillingRecordGen.Invoice(customers, i)).Sample(1, new Rnd(8), 10)[0]
            .Select(i => BillingRecordGen.Own(i, "known")).ToList();
        foreach (var customer in customers)
        {
            await harness.Customers.UpsertAsync(customer, CancellationToken.None);
        }

        await harness.Invoices.UpsertManyAsync(invoices, CancellationToken.None);
        return (customers, invoices);
    }

    private static string Csv(ImportKind kind, IEnumerable<List<string>> rows) =>
        string.Join('\n', new[] { CsvRecords.Header(kind) }.Concat(rows).Select(r => string.Join(',', r.Select(c => CsvMutator.Quote(c))))) + "\n";

    private static string Describe(Customer c) =>
        $"{c.TenantId}|{c.Name}|{c.Currency}|{c.Locale}|{c.TimeZoneId}|{c.PaymentTermDays}|{c.SupportPlan}|{string.Join(';', c.Contacts)}";

    private static string Describe(Invoice i) =>
        $"{i.Number} {i.TenantId} {i.Period.Start:O}..{i.Period.End:O} {i.IssueDate:O} {i.DueDate:O} {i.Net}+{i.Tax}={i.Gross} paid {i.AmountPaid} {i.Status} {i.PdfUrl} [{string.Join("; ", i.Lines)}]";

    [GeneratedRegex(@"Imported (?<count>\d+) ")]
    private static partial Regex ImportedCount();
}
