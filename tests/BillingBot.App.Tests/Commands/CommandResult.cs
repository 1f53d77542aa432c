namespace BillingBot.App.Tests.Commands;

/// <summary>What a command returned and wrote.</summary>
public sealed record CommandResult(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
