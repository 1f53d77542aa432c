using System.Diagnostics;

namespace BillingBot.EndToEnd.Tests.Stack;

/// <summary>One of the app's admin commands (`seed`, `reminders --dry-run`) run as the built app, as an operator runs it.</summary>
internal static class AppCommand
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>Runs the command and returns what it printed; a non-zero exit code is a failure with both streams.</summary>
    public static async Task<string> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var start = BotLaunch.StartInfo("dotnet", environment);
        start.ArgumentList.Add(BotLaunch.AppDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', arguments)}` did not finish within {Limit.TotalMinutes:0} minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{string.Join(' ', arguments)}` exited with code {process.ExitCode}.{Environment.NewLine}{await output}{await error}");
        }

        return await output;
    }
}
