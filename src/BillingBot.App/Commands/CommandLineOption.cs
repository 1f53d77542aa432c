namespace BillingBot.App.Commands;

/// <summary>How the admin commands read an option: "--name value" or "--name=value".</summary>
public static class CommandLineOption
{
    /// <summary>The option's name and its inline value ("--kind=invoices"), or the argument itself and null.</summary>
    public static (string Name, string? Value) Split(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is > 0 and var eq
            ? (arg[..eq], arg[(eq + 1)..])
            : (arg, null);

    /// <summary>The value of an option: its inline value, else the next argument (advancing past it), else null.</summary>
    public static string? Value(string? inline, IReadOnlyList<string> args, ref int index) =>
        inline ?? (index + 1 < args.Count ? args[++index] : null);
}
