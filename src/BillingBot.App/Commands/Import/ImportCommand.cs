using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using BillingBot.Storage.Tables;

namespace BillingBot.App.Commands.Import;

/// <summary>
/// `import file.csv... [--kind k] [--skip-bad-rows]`: validates every row of every file first, reports each problem
/// with its line on the error stream, and writes only when there are none (or, with --skip-bad-rows, the good rows).
/// Writes are upserts by key, so importing a file again changes nothing; they go in transactions of up to 100 rows per
/// customer partition.
/// </summary>
public sealed class ImportCommand(
    TableStore tables,
    ICustomerRepository customers,
    IInvoiceRepository invoices,
    IPaymentRepository payments) : IAppCommand
{
    // Sorted by tenant, a thousand rows fill the per-partition transactions and give a progress line each.
    private const int WriteChunk = ImportProgress.Every;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CommandConsole console, CancellationToken cancellationToken)
    {
        if (arguments is ["--help"] or ["-h"])
        {
            await console.Out.WriteLineAsync(ImportArguments.Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var parsed = ImportArguments.Parse(arguments, out var problem);
        var missing = parsed?.Files.FirstOrDefault(f => !File.Exists(CallerPaths.Resolve(f)));
        if (parsed is null || missing is not null)
        {
            await console.Error.WriteLineAsync(problem ?? $"import: no such file: {missing}").ConfigureAwait(false);
            await console.Error.WriteLineAsync(ImportArguments.Usage).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await tables.EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var reader = new ImportFileReader(new KnownRecords(customers, invoices, payments));
        var files = new List<ImportedFile>();
        foreach (var path in parsed.Files)
        {
            var file = await reader.ReadAsync(CallerPaths.Resolve(path), path, parsed.Kind, new ImportProgress(console.Error, path), cancellationToken).ConfigureAwait(false);
            foreach (var error in file.Errors)
            {
                await console.Error.WriteLineAsync($"{path}:{error.Line}: {error.Message}").ConfigureAwait(false);
            }

            files.Add(file);
        }

        var bad = files.Sum(f => f.Bad);
        if (bad > 0 && !parsed.SkipBadRows)
        {
            await console.Error.WriteLineAsync($"Nothing was imported: {bad} {Rows(bad)} with errors. Correct them, or use --skip-bad-rows to import the other rows.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        foreach (var file in files.Where(f => f.Kind is not null))
        {
            await WriteAsync(file, new ImportProgress(console.Error, file.Path), cancellationToken).ConfigureAwait(false);
            var skipped = file.Bad > 0 ? $"; skipped {file.Bad} {Rows(file.Bad)} with errors" : "";
            await console.Out.WriteLineAsync($"Imported {file.Good} {file.Kind.ToString()!.ToLowerInvariant()} from {file.Path}{skipped}.").ConfigureAwait(false);
        }

        return bad > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private Task WriteAsync(ImportedFile file, ImportProgress progress, CancellationToken cancellationToken) => file.Kind switch
    {
        ImportKind.Customers => WriteInChunksAsync([.. file.Customers.OrderBy(c => c.TenantId, StringComparer.Ordinal)], customers.UpsertManyAsync, progress, cancellationToken),
        ImportKind.Invoices => WriteInChunksAsync([.. file.Invoices.OrderBy(i => i.TenantId, StringComparer.Ordinal)], invoices.UpsertManyAsync, progress, cancellationToken),
        ImportKind.Payments => WriteInChunksAsync([.. file.Payments.OrderBy(p => p.TenantId, StringComparer.Ordinal)], payments.UpsertManyAsync, progress, cancellationToken),
        _ => Task.CompletedTask,
    };

    private static async Task WriteInChunksAsync<T>(
        IReadOnlyList<T> items,
        Func<IReadOnlyCollection<T>, CancellationToken, Task> write,
        ImportProgress progress,
        CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var chunk in items.Chunk(WriteChunk))
        {
            await write(chunk, cancellationToken).ConfigureAwait(false);
            written += chunk.Length;
            await progress.WrittenAsync(written, items.Count).ConfigureAwait(false);
        }
    }

    private static string Rows(int count) => count == 1 ? "row" : "rows";
}
