namespace BillingBot.Infra.Tests;

/// <summary>What one bicep command did: its exit code and everything it printed.</summary>
public sealed record BicepResult(int ExitCode, string Output, string Error)
{
    /// <summary>Succeeded and printed no diagnostic at all (no error, no warning, no info).</summary>
    public bool IsClean => ExitCode == 0 && string.IsNullOrWhiteSpace(Error) && string.IsNullOrWhiteSpace(Output);

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
