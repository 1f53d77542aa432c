using System.Diagnostics;
using BillingBot.App.Commands;
using BillingBot.TestKit.Azurite;

namespace BillingBot.App.Tests.Commands;

/// <summary>The real command line, once: the built app, started as `dotnet BillingBot.App.dll ...` would be.</summary>
public sealed class CommandLineTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Seed_then_import_of_a_file_with_errors_run_as_processes_with_their_exit_codes()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];

        var (seedCode, seedOut, _) = await RunAppAsync(prefix, "seed");
        var (importCode, _, importError) = await RunAppAsync(prefix, "import", Samples.Path("invoices-with-errors.csv"));
        var (usageCode, _, _) = await RunAppAsync(prefix, "import", "--kind", "orders", Samples.Path("invoices.csv"));

        Assert.Equal(ExitCodes.Ok, seedCode);
        Assert.Contains("Demo data loaded: 5 customers", seedOut, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, importCode);
        Assert.Contains("invoices-with-errors.csv:3: net: '885,00'", importError, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, usageCode);
    }

    private async Task<(int ExitCode, string Out, string Error)> RunAppAsync(string tablePrefix, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
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

        start.Environment["ConnectionStrings__Storage"] = azurite.ConnectionString;
        start.Environment["Storage__TablePrefix"] = tablePrefix;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
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
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
