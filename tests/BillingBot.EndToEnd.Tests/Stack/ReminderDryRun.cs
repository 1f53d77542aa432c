namespace BillingBot.EndToEnd.Tests.Stack;

/// <summary>
/// Reads the table `reminders --dry-run` prints (Customer | Invoice | Stage | Local send day | Recipients | Language |
/// Ledger): the app's own forecast of what its scheduler sends on a day.
/// </summary>
internal static class ReminderDryRun
{
    private const string Separator = " | ";

    /// <summary>The reminders of <paramref name="customer"/> that go to <paramref name="recipient"/>, in the order printed.</summary>
    public static IReadOnlyList<DueReminder> For(string output, string customer, string recipient)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var headerAt = Array.FindIndex(lines, l => Cells(l)[0] == "Customer");
        if (headerAt < 0)
        {
            return [];
        }

        var header = Cells(lines[headerAt]);
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new InvalidOperationException($"The dry run's table has no '{name}' column:{Environment.NewLine}{output}");
        var (customerAt, invoiceAt, stageAt, recipientsAt, languageAt) =
            (Column("Customer"), Column("Invoice"), Column("Stage"), Column("Recipients"), Column("Language"));

        // The header is followed by a rule of dashes; rows end at the first line that is not one.
        return [.. lines.Skip(headerAt + 2)
            .Select(Cells)
            .TakeWhile(cells => cells.Length == header.Length)
            .Where(cells => cells[customerAt] == customer && cells[recipientsAt].Split(", ").Contains(recipient))
            .Select(cells => new DueReminder(cells[invoiceAt], Kind(cells[stageAt]), cells[languageAt]))];
    }

    private static string[] Cells(string line) => [.. line.Split(Separator).Select(c => c.Trim())];

    // "after-10 (Overdue)" -> "Overdue"
    private static string Kind(string stage) => stage[(stage.IndexOf('(', StringComparison.Ordinal) + 1)..].TrimEnd(')');
}
