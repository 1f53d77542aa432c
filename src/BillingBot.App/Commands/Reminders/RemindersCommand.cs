using System.Globalization;
using BillingBot.App.Reminders;
using BillingBot.Billing.Reminders;
using BillingBot.Storage.Reminders;

namespace BillingBot.App.Commands.Reminders;

/// <summary>
/// `reminders --dry-run --date 2026-12-01`: the admin view of what the scheduler would send that day, as a table
/// (no amounts), without sending, claiming or writing anything.
/// </summary>
public sealed class RemindersCommand(ReminderForecast forecast, TimeProvider time) : IAppCommand
{
    private static readonly string[] Header = ["Customer", "Invoice", "Stage", "Local send day", "Recipients", "Language", "Ledger"];

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CommandConsole console, CancellationToken cancellationToken)
    {
        if (RemindersArguments.Parse(arguments, out var problem) is not { } parsed)
        {
            await console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            await console.Error.WriteLineAsync(RemindersArguments.Usage).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var day = parsed.Date ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = await forecast.ForDayAsync(day, cancellationToken).ConfigureAwait(false);
        var deliveries = rows.Sum(r => r.Ledger.Count);
        var toSend = rows.Sum(r => r.Ledger.Count(s => s is null));
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Reminders for {day:yyyy-MM-dd} (dry run: nothing is sent or claimed): {rows.Count} reminders, {deliveries} deliveries, {toSend} still to send.")).ConfigureAwait(false);
        if (rows.Count > 0)
        {
            await WriteTableAsync(console.Out, [.. rows.Select(Cells)]).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static string[] Cells(ReminderForecastRow row) =>
    [
        row.Customer,
        row.InvoiceNumber ?? "-",
        $"{row.StageKey} ({row.Kind})",
        row.LocalSendFrom.ToString("yyyy-MM-dd 'from' HH:mm", CultureInfo.InvariantCulture),
        row.Kind == ReminderKind.Suspension ? "billing admins (approval)" : string.Join(", ", row.Recipients.Select(r => r.Name)),
        row.Kind == ReminderKind.Suspension ? "-" : string.Join(", ", row.Recipients.Select(r => r.Language).Distinct(StringComparer.Ordinal)),
        Ledger(row.Ledger),
    ];

    private static string Ledger(IReadOnlyList<ReminderLedgerState?> states) =>
        string.Join(", ", states
            .GroupBy(s => s switch
            {
                null => "to send",
                ReminderLedgerState.Claimed => "sending",
                var state => state.Value.ToString().ToLowerInvariant(),
            })
            .Select(g => states.Count == 1 ? g.Key : $"{g.Key} {g.Count()}"));

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<string[]> rows)
    {
        var widths = Header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        await output.WriteLineAsync(Line(Header, widths)).ConfigureAwait(false);
        await output.WriteLineAsync(string.Join("-+-", widths.Select(w => new string('-', w)))).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await output.WriteLineAsync(Line(row, widths)).ConfigureAwait(false);
        }
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
