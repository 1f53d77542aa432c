using System.Text.Json;

namespace BillingBot.App.Tests.Commands;

/// <summary>`understand` as whoever tunes the model runs it: a real process, JSON lines on stdout and nothing else.</summary>
public sealed class UnderstandCommandLineTests
{
    [Fact]
    public async Task Lines_on_standard_input_give_one_JSON_object_each_in_input_order_and_nothing_else()
    {
        var (exitCode, output, _) = await RunAsync(["understand", "--locale", "pl"], "ile jestem winien\nczy faktura fv/2026/10/17 jest zaplacona\njak zaplacic\n");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exitCode);
        Assert.Equal(3, lines.Length);
        var results = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["Balance", "InvoiceStatus", "HowToPay"], results.Select(r => r.GetProperty("intent").GetString()));
        Assert.Equal("FV/2026/10/017", results[1].GetProperty("entities").GetProperty("invoiceNumbers")[0].GetString());
        Assert.All(results, r => Assert.InRange(r.GetProperty("confidence").GetDouble(), 0.0, 1.0));
    }

    [Fact]
    public async Task A_text_argument_without_a_locale_reports_the_detected_language()
    {
        var (exitCode, output, _) = await RunAsync(["understand", "what happens if I don't pay last month's invoice?"], string.Empty);

        var result = JsonDocument.Parse(output.Trim()).RootElement;
        Assert.Equal(0, exitCode);
        Assert.Equal("en", result.GetProperty("language").GetString());
        Assert.Equal("CollectionPolicy", result.GetProperty("intent").GetString());
        Assert.Equal(1, result.GetProperty("entities").GetProperty("months").GetArrayLength());
    }

    [Fact]
    public async Task A_bad_locale_is_a_usage_error_on_standard_error()
    {
        var (exitCode, output, error) = await RunAsync(["understand", "--locale", "de", "hallo"], string.Empty);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("--locale", error, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Out, string Error)> RunAsync(IReadOnlyList<string> arguments, string input) =>
        AppProcess.RunAsync(arguments, input: input);
}
