namespace BillingBot.App.Commands.Import;

/// <summary>The arguments of `import`: the files, in the order they are read, and the options.</summary>
internal sealed record ImportArguments(IReadOnlyList<string> Files, ImportKind? Kind, bool SkipBadRows)
{
    public const string Usage = """
        Usage: import <file.csv>... [--kind customers|invoices|payments] [--skip-bad-rows]
          Imports customers, invoices or payments from CSV files (formats: README.md, samples/).
          The kind is read from the header unless --kind says it (one file only). Files are read in order,
          so payments may refer to invoices of an earlier file. Nothing is written when any row has an
          error, unless --skip-bad-rows: then the good rows are written and the bad ones reported.
          Exit codes: 0 imported, 1 rows with errors (or storage unavailable), 2 usage.
        """;

    /// <summary>The parsed arguments, or null with the reason they are not usable.</summary>
    public static ImportArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var files = new List<string>();
        ImportKind? kind = null;
        var skip = false;
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, value) = CommandLineOption.Split(arg);
            switch (name)
            {
                case "--skip-bad-rows" when value is null:
                    skip = true;
                    break;
                case "--kind":
                    value = CommandLineOption.Value(value, args, ref i);
                    if (!Enum.TryParse<ImportKind>(value, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(value![0]))
                    {
                        problem = $"--kind must be customers, invoices or payments, not '{value}'.";
                        return null;
                    }

                    kind = parsed;
                    break;
                case var option when option.StartsWith('-'):
                    problem = $"Unknown option '{arg}'.";
                    return null;
                default:
                    files.Add(arg);
                    break;
            }
        }

        problem = files.Count == 0 ? "Name at least one CSV file."
            : kind is not null && files.Count > 1 ? "--kind applies to one file; with several, each file's header tells its kind."
            : null;
        return problem is null ? new ImportArguments(files, kind, skip) : null;
    }
}
