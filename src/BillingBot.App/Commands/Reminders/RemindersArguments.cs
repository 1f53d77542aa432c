using System.Globalization;

namespace BillingBot.App.Commands.Reminders;

/// <summary>The arguments of `reminders`: only a dry run exists (the scheduler does the sending), for a day.</summary>
internal sealed record RemindersArguments(DateOnly? Date)
{
    public const string Usage = """
        Usage: reminders --dry-run [--date yyyy-MM-dd]
          Prints the reminders the scheduler would send on that day (default: today, UTC) in each customer's
          own calendar: customer, invoice, stage, local send day, recipients, language and what the ledger
          already holds. Nothing is sent, claimed or written. Invoices are as stored now, so a later day is a
          forecast. Exit codes: 0 printed, 1 storage unavailable, 2 usage.
        """;

    /// <summary>The parsed arguments, or null with the reason they are not usable.</summary>
    public static RemindersArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var dryRun = false;
        DateOnly? date = null;
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, value) = CommandLineOption.Split(arg);
            switch (name)
            {
                case "--dry-run" when value is null:
                    dryRun = true;
                    break;
                case "--date":
                    value = CommandLineOption.Value(value, args, ref i);
                    if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        problem = $"--date must be a day like 2026-12-01, not '{value}'.";
                        return null;
                    }

                    date = parsed;
                    break;
                default:
                    problem = $"Unknown argument '{arg}'.";
                    return null;
            }
        }

        if (!dryRun)
        {
            problem = "Only --dry-run is available: the scheduler sends reminders by itself.";
            return null;
        }

        return new RemindersArguments(date);
    }
}
