using CsvHelper;

namespace BillingBot.App.Commands.Import;

/// <summary>
/// Reads and validates one import file, every row of it: the header must name a kind's columns, and each row becomes a
/// domain object or a list of problems at its line. Nothing is written here.
/// </summary>
internal sealed class ImportFileReader(KnownRecords known)
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        TrackLineNumbers = true,
        TrimWhitespace = true,
    };

    /// <summary>Reads the file at <paramref name="fullPath"/>, reported as <paramref name="path"/> (as the user named it).</summary>
    public async Task<ImportedFile> ReadAsync(string fullPath, string path, ImportKind? kind, ImportProgress progress, CancellationToken cancellationToken)
    {
        var result = new ImportedFile(path);
        var malformed = new HashSet<long>();
        await using var csv = CsvReader.FromFile(fullPath, Options with { OnMalformedRecord = m => malformed.Add(m.LineNumber) });
        await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var layout = Layout(header, kind, result);
        if (layout is null)
        {
            return result;
        }

        result.Kind = layout.Kind;
        var columns = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var line = checked((int)csv.LineNumber);
            var values = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList();
            var row = new CsvRecord(columns, values, line);
            result.Rows++;
            if (malformed.Contains(line))
            {
                row.Error("the quotes of this row are malformed");
            }
            else if (values.Count != header.Count)
            {
                row.Error($"the row has {values.Count} fields, the header {header.Count}");
            }
            else if (TooLong(header, values) is { Count: > 0 } tooLong)
            {
                tooLong.ForEach(row.Error);
            }
            else
            {
                await ReadRowAsync(layout.Kind, row, result, seen, cancellationToken).ConfigureAwait(false);
            }

            result.Errors.AddRange(row.Errors.Select(e => new RowError(line, e)));
            await progress.ReadAsync(result.Rows).ConfigureAwait(false);
        }

        await progress.ReadDoneAsync(result).ConfigureAwait(false);
        return result;
    }

    private async Task ReadRowAsync(ImportKind kind, CsvRecord row, ImportedFile result, Dictionary<string, int> seen, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case ImportKind.Customers when CustomerRows.Read(row) is { } customer && Unique(row, seen, customer.TenantId, $"customer {customer.TenantId}"):
                result.Customers.Add(customer);
                known.Add(customer);
                break;
            case ImportKind.Invoices when await InvoiceRows.ReadAsync(row, known, cancellationToken).ConfigureAwait(false) is { } invoice
                && Unique(row, seen, $"{invoice.TenantId}\n{invoice.Number}", $"invoice {invoice.Number} of {invoice.TenantId}"):
                result.Invoices.Add(invoice);
                known.Add(invoice);
                break;
            case ImportKind.Payments when await PaymentRows.ReadAsync(row, known, cancellationToken).ConfigureAwait(false) is { } payment
                && Unique(row, seen, $"{payment.TenantId}\n{payment.PaymentId}", $"payment {payment.PaymentId} of {payment.TenantId}"):
                result.Payments.Add(payment);
                known.Add(payment);
                break;
        }
    }

    /// <summary>The fields longer than storage keeps (a value that long is a mistake, not a name or an amount).</summary>
    private static List<string> TooLong(IReadOnlyList<string> header, IReadOnlyList<string> values) =>
        [.. header.Select((column, i) => (column, length: values[i].Trim().Length))
            .Where(c => c.length > CsvFields.MaxLength(c.column))
            .Select(c => $"{c.column}: the value has {c.length} characters; at most {CsvFields.MaxLength(c.column)} are allowed")];

    /// <summary>A key twice in one file is a mistake: which of the two rows is right is not ours to guess.</summary>
    private static bool Unique(CsvRecord row, Dictionary<string, int> seen, string key, string what)
    {
        if (seen.TryGetValue(key, out var first))
        {
            row.Error($"{what} is already on line {first}");
            return false;
        }

        seen[key] = row.Line;
        return true;
    }

    private static CsvLayout? Layout(IReadOnlyList<string> header, ImportKind? kind, ImportedFile result)
    {
        void Problem(string message) => result.Errors.Add(new RowError(1, message));

        if (header.Count == 0 || header.All(string.IsNullOrEmpty))
        {
            Problem("the file is empty; its first line must be the header");
            return null;
        }

        if (header.Count == 1 && header[0].Contains(';', StringComparison.Ordinal))
        {
            Problem("the header is separated by ';'; the import files are separated by ','");
            return null;
        }

        var layout = kind is { } given ? CsvLayout.For(given) : CsvLayout.Infer(header);
        if (layout is null)
        {
            Problem($"the header does not tell what the file holds (a time_zone column for customers, due_date for invoices, payment_id for payments); use --kind");
            return null;
        }

        foreach (var column in header.GroupBy(h => h).Where(g => g.Count() > 1))
        {
            Problem($"the column {column.Key} is there more than once");
        }

        foreach (var unknown in header.Where(h => !layout.Knows(h)))
        {
            Problem($"unknown column '{unknown}'; {layout.Kind.ToString().ToLowerInvariant()} have the columns {string.Join(", ", layout.Required.Concat(layout.Optional))}");
        }

        var missing = layout.Required.Where(r => !header.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            Problem($"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}");
        }

        return result.Errors.Count == 0 ? layout : null;
    }
}
