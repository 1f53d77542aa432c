using System.Diagnostics;

namespace BillingBot.App.Tests.Commands;

/// <summary>The built app started as a real process (`dotnet BillingBot.App.dll ...`), with its exit code and both streams.</summary>
internal static class AppProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string input = "")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BillingBot.App.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
