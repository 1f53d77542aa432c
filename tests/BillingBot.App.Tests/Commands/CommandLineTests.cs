using BillingBot.App.Commands;
using BillingBot.TestKit.Azurite;

namespace BillingBot.App.Tests.Commands;

/// <summary>The real command line, once: the built app, started as `dotnet BillingBot.App.dll ...` would be.</summary>
public sealed class CommandLineTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
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

    private Task<(int ExitCode, string Out, string Error)> RunAppAsync(string tablePrefix, params string[] arguments) =>
        AppProcess.RunAsync(arguments, new Dictionary<string, string>
        {
            ["ConnectionStrings__Storage"] = azurite.ConnectionString,
            ["Storage__TablePrefix"] = tablePrefix,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        });
}
