using System.Globalization;
using System.Text;
using BillingBot.App.Commands;
using BillingBot.App.Commands.Import;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using BillingBot.TestKit.Azurite;

namespace BillingBot.App.Tests.Commands;

/// <summary>`import` on Azurite: the samples load, again without change, and a file with errors writes nothing and says where.</summary>
public sealed class ImportCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Proseware = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private const string Woodgrove = "8e2d4c6b-0a1f-4e3d-9c5b-7a9e1d3f5b7c";
    private const string AlpineSkiHouse = "b3c5d7e9-f1a2-4b4c-8d6e-0f2a4c6e8b1d";
    private const string InvoiceHeader = "tenant_id,number,period_start,period_end,issue_date,due_date,currency,net,tax,gross,amount_paid,status,pdf_url,lines";
    private const string PaymentHeader = "tenant_id,payment_id,invoice_number,received_at,amount,currency,method,reference";

    private readonly ScratchFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_sample_files_import_one_after_the_other()
    {
        await using var harness = new CommandHarness(azurite);

        var customers = await harness.RunAsync<ImportCommand>(Samples.Path("customers.csv"));
        var invoices = await harness.RunAsync<ImportCommand>(Samples.Path("invoices.csv"));
        var payments = await harness.RunAsync<ImportCommand>(Samples.Path("payments.csv"), "--kind", "payments");

        Assert.Equal([ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok], new[] { customers.ExitCode, invoices.ExitCode, payments.ExitCode });
        Assert.Contains("Imported 3 customers", customers.Out, StringComparison.Ordinal);
        Assert.Contains("Imported 9 invoices", invoices.Out, StringComparison.Ordinal);
        Assert.Contains("Imported 5 payments", payments.Out, StringComparison.Ordinal);
        var alpine = await harness.Customers.FindAsync(AlpineSkiHouse, CancellationToken.None);
        Assert.Equal(("Alpine Ski House GmbH, Innsbruck", "EUR", "en-GB"), (alpine!.Name, alpine.Currency, alpine.Locale));
        var big = await harness.Invoices.FindAsync(Woodgrove, "FV/2026/11/202", CancellationToken.None);
        Assert.Equal(1_250_000.99m, big!.Lines.Single(l => l.Product == "Azure consumption").Amount.Amount);
        Assert.Equal(1_587_294.32m, big.Gross.Amount);
        var partly = await harness.Invoices.FindAsync(Proseware, "FV/2026/11/103", CancellationToken.None);
        Assert.Equal((InvoiceStatus.PartiallyPaid, 1500.00m), (partly!.Status, partly.AmountPaid.Amount));
        var card = Assert.Single(await harness.Payments.ListForInvoiceAsync(AlpineSkiHouse, "FV/2026/10/301", CancellationToken.None));
        Assert.Equal((PaymentMethod.Card, TimeSpan.Zero), (card.Method, card.ReceivedAt.Offset));
    }

    [Fact]
    public async Task Importing_the_same_files_again_changes_nothing()
    {
        await using var harness = new CommandHarness(azurite);
        string[] all = [Samples.Path("customers.csv"), Samples.Path("invoices.csv"), Samples.Path("payments.csv")];
        Assert.Equal(ExitCodes.Ok, (await harness.RunAsync<ImportCommand>(all)).ExitCode);
        var before = await harness.SnapshotAsync([Proseware, Woodgrove, AlpineSkiHouse]);

        var again = await harness.RunAsync<ImportCommand>(all);

        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Equal(before, await harness.SnapshotAsync([Proseware, Woodgrove, AlpineSkiHouse]));
    }

    [Fact]
    public async Task A_file_with_errors_writes_nothing_and_names_each_bad_line()
    {
        await using var harness = new CommandHarness(azurite);
        await harness.RunAsync<ImportCommand>(Samples.Path("customers.csv"));

        var result = await harness.RunAsync<ImportCommand>(Samples.Path("invoices-with-errors.csv"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 11, 12], BadLines(result, "invoices-with-errors.csv"));
        Assert.Contains(result.ErrorLines, l => l.EndsWith(":3: net: '885,00' is not an amount with a dot and at most two decimals, such as 1234.50", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.Contains(":4: due_date: '17.12.2026'", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.Contains(":5: tenant_id: no customer has the tenant id 11111111-2222-4333-8444-555555555555", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.Contains(":6: currency: 'ZL' is not an ISO 4217 currency code", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.Contains(":7: Invoice FV/2026/12/110: net 885.00 PLN + tax 203.55 PLN is 1088.55 PLN, not the gross 1088.50 PLN", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.Contains(":8: Invoice FV/2026/12/111: the due date 2026-11-30 is before the issue date 2026-12-03", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.Contains(":9: invoice FV/2026/12/105 of " + Proseware + " is already on line 2", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.Contains(":11: currency: Woodgrove Bank Polska S.A. is invoiced in PLN, not EUR", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.Contains(":12: the row has 9 fields, the header 14", StringComparison.Ordinal));
        Assert.Contains("Nothing was imported: 9 rows with errors", result.Error, StringComparison.Ordinal);
        Assert.Empty(await harness.Invoices.ListForCustomerAsync(Proseware, CancellationToken.None));
        Assert.Empty(await harness.Invoices.ListForCustomerAsync(Woodgrove, CancellationToken.None));
    }

    [Fact]
    public async Task With_skip_bad_rows_the_good_rows_are_written_and_the_bad_ones_reported()
    {
        await using var harness = new CommandHarness(azurite);
        await harness.RunAsync<ImportCommand>(Samples.Path("customers.csv"));

        var result = await harness.RunAsync<ImportCommand>(Samples.Path("invoices-with-errors.csv"), "--skip-bad-rows");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("Imported 2 invoices", result.Out, StringComparison.Ordinal);
        Assert.Contains("skipped 9 rows with errors", result.Out, StringComparison.Ordinal);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 11, 12], BadLines(result, "invoices-with-errors.csv"));
        Assert.Equal(["FV/2026/12/105"], (await harness.Invoices.ListForCustomerAsync(Proseware, CancellationToken.None)).Select(i => i.Number));
        Assert.Equal(["FV/2026/12/204"], (await harness.Invoices.ListForCustomerAsync(Woodgrove, CancellationToken.None)).Select(i => i.Number));
    }

    [Fact]
    public async Task A_payment_for_an_invoice_that_does_not_exist_is_rejected_and_its_file_is_not_written()
    {
        await using var harness = new CommandHarness(azurite);
        await harness.RunAsync<ImportCommand>(Samples.Path("customers.csv"), Samples.Path("invoices.csv"));
        var file = _files.Write("payments.csv", $"""
            {PaymentHeader}
            {Proseware},PAY-1,FV/2026/11/104,2026-11-21T10:00:00+01:00,100.00,PLN,BankTransfer,
            {Proseware},PAY-2,FV/2099/01/001,2026-11-21T10:00:00+01:00,100.00,PLN,BankTransfer,
            {Proseware},PAY-3,FV/2026/11/104,2026-11-21T10:00:00+01:00,100.00,EUR,BankTransfer,
            """);

        var result = await harness.RunAsync<ImportCommand>(file);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains(result.ErrorLines, l => l.EndsWith($"payments.csv:3: invoice_number: the customer {Proseware} has no invoice FV/2099/01/001; import the invoice first", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.EndsWith("payments.csv:4: currency: invoice FV/2026/11/104 is in PLN, not EUR", StringComparison.Ordinal));
        Assert.Empty(await harness.Payments.ListForCustomerAsync(Proseware, CancellationToken.None));
        Assert.True((await harness.Invoices.FindAsync(Proseware, "FV/2026/11/104", CancellationToken.None))!.AmountPaid.IsZero);
    }

    [Fact]
    public async Task A_field_longer_than_storage_keeps_is_a_row_error_and_not_a_storage_outage()
    {
        // Found by fuzzing: a 40 000-character reference passed validation, then storage refused the row and the
        // command said storage was unavailable.
        await using var harness = new CommandHarness(azurite);
        await harness.RunAsync<ImportCommand>(Samples.Path("customers.csv"), Samples.Path("invoices.csv"));
        var file = _files.Write("payments.csv", $"""
            {PaymentHeader}
            {Proseware},PAY-1,FV/2026/11/104,2026-11-21T10:00:00+01:00,100.00,PLN,BankTransfer,{new string('x', 40_000)}
            {Proseware},PAY-2,FV/2026/11/104,2026-11-21T10:00:00+01:00,100.00,PLN,BankTransfer,{new string('y', 2_000)}
            """);

        var result = await harness.RunAsync<ImportCommand>(file);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal([2], BadLines(result, "payments.csv"));
        Assert.Contains(result.ErrorLines, l => l.EndsWith("payments.csv:2: reference: the value has 40000 characters; at most 2000 are allowed", StringComparison.Ordinal));
        Assert.DoesNotContain("storage", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await harness.Payments.ListForCustomerAsync(Proseware, CancellationToken.None));
    }

    [Fact]
    public async Task Payments_of_one_invoice_adding_up_to_more_than_an_amount_can_be_are_refused_and_do_not_crash_the_import()
    {
        // Found while writing the import fuzzer: 95 payments of the largest amount for one invoice passed validation, then
        // storing the invoice's new total threw an OverflowException out of the command.
        await using var harness = new CommandHarness(azurite);
        await harness.RunAsync<ImportCommand>(Samples.Path("customers.csv"), Samples.Path("invoices.csv"));
        var rows = Enumerable.Range(1, 95).Select(i => $"{Proseware},BIG-{i},FV/2026/11/104,2026-11-21T10:00:00+01:00,999999999999999.99,PLN,BankTransfer,");
        var file = _files.Write("payments.csv", PaymentHeader + "\n" + string.Join("\n", rows) + "\n");

        var refused = await harness.RunAsync<ImportCommand>(file);
        var skipped = await harness.RunAsync<ImportCommand>(file, "--skip-bad-rows");

        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
        Assert.Equal(Enumerable.Range(3, 94), BadLines(refused, "payments.csv"));
        Assert.Contains(refused.ErrorLines, l => l.EndsWith("payments.csv:3: amount: the payments of invoice FV/2026/11/104 would add up to more than 999999999999999.99", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Failed, skipped.ExitCode);
        Assert.Contains("Imported 1 payments", skipped.Out, StringComparison.Ordinal);
        Assert.Equal(999_999_999_999_999.99m, (await harness.Invoices.FindAsync(Proseware, "FV/2026/11/104", CancellationToken.None))!.AmountPaid.Amount);
    }

    [Fact]
    public async Task Payments_may_refer_to_invoices_and_customers_of_earlier_files_in_the_same_command_but_not_later_ones()
    {
        await using var harness = new CommandHarness(azurite);

        var wrongOrder = await harness.RunAsync<ImportCommand>(Samples.Path("payments.csv"), Samples.Path("customers.csv"));
        var rightOrder = await harness.RunAsync<ImportCommand>(Samples.Path("customers.csv"), Samples.Path("invoices.csv"), Samples.Path("payments.csv"));

        Assert.Equal(ExitCodes.Failed, wrongOrder.ExitCode);
        Assert.Equal(ExitCodes.Ok, rightOrder.ExitCode);
        Assert.Equal(InvoiceStatus.Paid, (await harness.Invoices.FindAsync(Woodgrove, "FV/2026/10/201", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Line_numbers_count_the_lines_inside_quoted_fields_and_empty_lines()
    {
        await using var harness = new CommandHarness(azurite);
        var file = _files.Write("customers.csv", """
            tenant_id,name,currency,locale,time_zone,payment_term_days,support_plan,contacts
            c1,"Fabrikam
            Polska",PLN,pl-PL,Europe/Warsaw,14,Standard,

            c2,Litware,PLN,pl-PL,Europe/Warsaw,fourteen,Standard,
            c3,Tailspin,EUR,en-GB,Europe/Atlantis,14,Gold,a|Sanne|not-an-email|Primary;b|Daan|daan@tailspin.example|Boss
            c4,"Northwind" Traders,PLN,pl-PL,Europe/Warsaw,14,Basic,
            """);

        var result = await harness.RunAsync<ImportCommand>(file);

        Assert.Equal([5, 6, 7], BadLines(result, "customers.csv"));
        Assert.Contains(result.ErrorLines, l => l.EndsWith(":7: the quotes of this row are malformed", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.EndsWith(":5: payment_term_days: 'fourteen' is not a whole number, such as 14", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.EndsWith(":6: time_zone: 'Europe/Atlantis' is not a known time zone, such as Europe/Warsaw", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.EndsWith(":6: support_plan: 'Gold' is not one of Basic, Standard, Premium", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.EndsWith(":6: contacts: item 1: 'not-an-email' is not an e-mail address", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.EndsWith(":6: contacts: item 2 has the role 'Boss', not one of Primary, Billing, Technical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Strict_formats_refuse_what_a_spreadsheet_might_write()
    {
        await using var harness = new CommandHarness(azurite);
        await harness.RunAsync<ImportCommand>(Samples.Path("customers.csv"), Samples.Path("invoices.csv"));
        var file = _files.Write("payments.csv", $"""
            {PaymentHeader}
            {Proseware},P1,FV/2026/11/104,2026-11-21 10:00,100.00,PLN,BankTransfer,
            {Proseware},P2,FV/2026/11/104,2026-11-21T10:00:00,100.00,PLN,BankTransfer,
            {Proseware},P3,FV/2026/11/104,2026-11-21,"1,000.00",PLN,BankTransfer,
            {Proseware},P4,FV/2026/11/104,2026-11-21,100.001,PLN,BankTransfer,
            {Proseware},P5,FV/2026/11/104,2026-11-21,100,pln,BankTransfer,
            {Proseware},P6,FV/2026/11/104,2026-11-21,100,PLN,2,
            {Proseware},P7,FV/2026/11/104,2026-11-21,-5.00,PLN,Card,
            {Proseware},P8,FV/2026/11/104,2026-11-21,100,PLN,directdebit,
            """);

        var result = await harness.RunAsync<ImportCommand>(file);

        Assert.Equal([2, 3, 4, 5, 6, 7, 8], BadLines(result, "payments.csv"));
    }

    [Fact]
    public async Task The_header_decides_the_kind_and_must_name_its_columns()
    {
        await using var harness = new CommandHarness(azurite);
        var unknownKind = _files.Write("unknown.csv", "tenant_id,amount\nx,1.00\n");
        var typo = _files.Write("typo.csv", InvoiceHeader.Replace(",tax,", ",vat,", StringComparison.Ordinal) + "\n");
        var semicolons = _files.Write("excel.csv", InvoiceHeader.Replace(',', ';') + "\n");
        var empty = _files.Write("empty.csv", "");

        var results = new[]
        {
            await harness.RunAsync<ImportCommand>(unknownKind),
            await harness.RunAsync<ImportCommand>(typo),
            await harness.RunAsync<ImportCommand>(semicolons),
            await harness.RunAsync<ImportCommand>(empty),
            await harness.RunAsync<ImportCommand>(typo, "--kind", "payments"),
        };

        Assert.All(results, r => Assert.Equal(ExitCodes.Failed, r.ExitCode));
        Assert.Contains("unknown.csv:1: the header does not tell what the file holds", results[0].Error, StringComparison.Ordinal);
        Assert.Contains("typo.csv:1: unknown column 'vat'", results[1].Error, StringComparison.Ordinal);
        Assert.Contains("typo.csv:1: missing column tax", results[1].Error, StringComparison.Ordinal);
        Assert.Contains("excel.csv:1: the header is separated by ';'", results[2].Error, StringComparison.Ordinal);
        Assert.Contains("empty.csv:1: the file is empty", results[3].Error, StringComparison.Ordinal);
        Assert.Contains("missing columns payment_id, invoice_number, received_at, amount, method", results[4].Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--skip-bad-rows")]
    [InlineData("samples/customers.csv", "--dry-run")]
    [InlineData("samples/customers.csv", "--kind", "orders")]
    [InlineData("samples/customers.csv", "--kind")]
    [InlineData("samples/customers.csv", "--kind=1")]
    [InlineData("samples/customers.csv", "samples/invoices.csv", "--kind", "customers")]
    [InlineData("samples/no-such-file.csv")]
    public async Task A_wrong_command_line_is_a_usage_error(params string[] arguments)
    {
        await using var harness = new CommandHarness(azurite);
        var resolved = arguments.Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? Samples.Path(a["samples/".Length..]) : a).ToArray();

        var result = await harness.RunAsync<ImportCommand>(resolved);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Usage: import <file.csv>...", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_file_shows_its_progress_and_arrives_whole()
    {
        await using var harness = new CommandHarness(azurite);
        var tenants = Enumerable.Range(0, 10).Select(i => $"5a000000-0000-4000-8000-{i:000000000000}").ToList();
        var customers = new StringBuilder("tenant_id,name,currency,locale,time_zone,payment_term_days,support_plan\n");
        tenants.ForEach(t => customers.Append(CultureInfo.InvariantCulture, $"{t},Customer {t[^2..]},PLN,pl-PL,Europe/Warsaw,14,Basic\n"));
        var invoices = new StringBuilder(InvoiceHeader).Append('\n');
        for (var i = 0; i < 5_000; i++)
        {
            var due = new DateOnly(2026, 1, 15).AddDays(i % 300);
            invoices.Append(CultureInfo.InvariantCulture, $"{tenants[i % 10]},FV/2026/{i:00000},2026-01-01,2026-01-31,{due.AddDays(-14):yyyy-MM-dd},{due:yyyy-MM-dd},PLN,100.00,23.00,123.00,0.00,,,Microsoft 365 Business Premium|1|100.00\n");
        }

        var result = await harness.RunAsync<ImportCommand>(_files.Write("customers.csv", customers.ToString()), _files.Write("invoices.csv", invoices.ToString()));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains(result.ErrorLines, l => l.EndsWith("invoices.csv: 1 000 rows read", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.EndsWith("invoices.csv: 5 000 rows read, 5 000 valid, 0 with errors", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.EndsWith("invoices.csv: 3 000 of 5 000 rows written", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.EndsWith("invoices.csv: 5 000 of 5 000 rows written", StringComparison.Ordinal));
        foreach (var tenant in tenants)
        {
            Assert.Equal(500, (await harness.Invoices.ListForCustomerAsync(tenant, CancellationToken.None)).Count);
        }

        Assert.Equal(5_000, (await harness.Invoices.ListDueBetweenAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), CancellationToken.None)).Count);
    }

    private static List<int> BadLines(CommandResult result, string file) =>
        [.. result.ErrorLines
            .Select(l => l.Split(':'))
            .Where(parts => parts.Length > 2 && parts[0].EndsWith(file, StringComparison.Ordinal) && int.TryParse(parts[1], out _))
            .Select(parts => int.Parse(parts[1], CultureInfo.InvariantCulture))
            .Distinct()
            .Order()];
}
