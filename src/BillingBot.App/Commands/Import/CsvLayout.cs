namespace BillingBot.App.Commands.Import;

/// <summary>The columns of one kind of CSV file, and the column that tells the kind when --kind is not given.</summary>
internal sealed record CsvLayout(ImportKind Kind, IReadOnlyList<string> Required, IReadOnlyList<string> Optional, string Marker)
{
    public static readonly CsvLayout Customers = new(
        ImportKind.Customers,
        ["tenant_id", "name", "currency", "locale", "time_zone", "payment_term_days", "support_plan"],
        ["contacts"],
        "time_zone");

    public static readonly CsvLayout Invoices = new(
        ImportKind.Invoices,
        ["tenant_id", "number", "period_start", "period_end", "issue_date", "due_date", "currency", "net", "tax", "gross"],
        ["amount_paid", "status", "pdf_url", "lines"],
        "due_date");

    public static readonly CsvLayout Payments = new(
        ImportKind.Payments,
        ["tenant_id", "payment_id", "invoice_number", "received_at", "amount", "currency", "method"],
        ["reference"],
        "payment_id");

    public static IReadOnlyList<CsvLayout> All { get; } = [Customers, Invoices, Payments];

    public static CsvLayout For(ImportKind kind) => All.Single(l => l.Kind == kind);

    /// <summary>The one layout whose marker column the header has, or null when none or several match.</summary>
    public static CsvLayout? Infer(IReadOnlyCollection<string> header)
    {
        var matches = All.Where(l => header.Contains(l.Marker, StringComparer.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    public bool Knows(string column) => Required.Contains(column, StringComparer.OrdinalIgnoreCase) || Optional.Contains(column, StringComparer.OrdinalIgnoreCase);
}
