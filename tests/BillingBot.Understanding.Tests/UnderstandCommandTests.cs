using System.Text.Json;
using BillingBot.Understanding.Command;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.Understanding.Tests;

/// <summary>`understand`: one JSON object per message on standard output, and nothing else there.</summary>
[Collection(TrainedRecognizerCollection.Name)]
public sealed class UnderstandCommandTests(TrainedRecognizer trained)
{
    private readonly UnderstandCommand command = new(trained.Recognizer, new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task GivenAPolishMessage_WhenUnderstood_ThenOneJsonObjectCarriesTheDetectedLanguageIntentAndEntities()
    {
        var (exitCode, stdout, _) = await RunAsync(["czy faktura fv/2026/10/17 za październik jest opłacona?"]);

        Assert.Equal(0, exitCode);
        var json = Assert.Single(Lines(stdout));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("czy faktura fv/2026/10/17 za październik jest opłacona?", root.GetProperty("text").GetString());
        Assert.Equal("pl", root.GetProperty("language").GetString());
        Assert.Equal("InvoiceStatus", root.GetProperty("intent").GetString());
        Assert.InRange(root.GetProperty("confidence").GetDouble(), 0.5, 1.0);
        Assert.True(root.GetProperty("isConfident").GetBoolean());
        Assert.Equal("InvoiceStatus", root.GetProperty("topIntents")[0].GetProperty("intent").GetString());
        var entities = root.GetProperty("entities");
        Assert.Equal("FV/2026/10/017", Assert.Single(entities.GetProperty("invoiceNumbers").EnumerateArray()).GetString());
        Assert.Equal("2026-10", Assert.Single(entities.GetProperty("months").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task GivenAnAmountAndADate_WhenUnderstood_ThenTheyAppearAsNumbersAndIsoDates()
    {
        var (_, stdout, _) = await RunAsync(["I", "paid", "1,250.50", "PLN", "on", "3", "November"]);

        using var document = JsonDocument.Parse(Assert.Single(Lines(stdout)));
        var entities = document.RootElement.GetProperty("entities");
        var amount = Assert.Single(entities.GetProperty("amounts").EnumerateArray());
        Assert.Equal(1250.50m, amount.GetProperty("value").GetDecimal());
        Assert.Equal("PLN", amount.GetProperty("currency").GetString());
        Assert.Equal("2026-11-03", Assert.Single(entities.GetProperty("dates").EnumerateArray()).GetString());
        Assert.Equal("I paid 1,250.50 PLN on 3 November", document.RootElement.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("--locale", "pl")]
    [InlineData("--locale=pl-PL")]
    public async Task GivenALocale_WhenUnderstood_ThenTheMessageIsReadInThatLanguage(params string[] options)
    {
        var (exitCode, stdout, _) = await RunAsync(["hello", .. options]);

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(Assert.Single(Lines(stdout)));
        Assert.Equal("pl", document.RootElement.GetProperty("language").GetString());
    }

    [Fact]
    public async Task GivenMessagesOnStandardInput_WhenUnderstood_ThenEachLineGetsExactlyOneJsonLineInOrder()
    {
        string[] messages = ["ile jestem winien", "", "how much do I owe?", "dzieki", "asdf qwerty", "FV/2026/10/017"];

        var (exitCode, stdout, stderr) = await RunAsync([], string.Join('\n', messages) + "\n");

        Assert.Equal(0, exitCode);
        var objects = Lines(stdout).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(messages, objects.Select(o => o.GetProperty("text").GetString()));
        Assert.Equal(["Balance", "None", "Balance", "Thanks"], objects.Take(4).Select(o => o.GetProperty("intent").GetString()));
        Assert.Equal(["pl", "en", "pl"], new[] { objects[0], objects[2], objects[3] }.Select(o => o.GetProperty("language").GetString()));
        Assert.Contains("trained", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenStandardInputWithoutAFinalNewline_WhenUnderstood_ThenTheLastLineIsUnderstoodToo()
    {
        var (_, stdout, _) = await RunAsync(["--locale", "en"], "thanks\nhelp");

        Assert.Equal(["Thanks", "Help"], Lines(stdout).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("intent").GetString()));
    }

    [Theory]
    [InlineData("--locale")]
    [InlineData("--locale", "de")]
    [InlineData("--lang", "pl")]
    [InlineData("  ")]
    public async Task GivenBadArguments_WhenRun_ThenUsageGoesToStandardErrorWithExitCodeTwo(params string[] args)
    {
        var (exitCode, stdout, stderr) = await RunAsync(args, "ile jestem winien\n");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("Usage: understand", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenHelp_WhenRun_ThenUsageIsPrintedAndNothingIsUnderstood()
    {
        var (exitCode, stdout, _) = await RunAsync(["--help"], "ile jestem winien\n");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Usage: understand", stdout, StringComparison.Ordinal);
    }

    // Every line of output is one whole JSON object ending with a newline; a blank or partial line fails.
    private static List<string> Lines(string stdout)
    {
        var lines = stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.All(lines[..^1], line => Assert.StartsWith("{", line, StringComparison.Ordinal));
        return [.. lines[..^1]];
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, string stdin = "")
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await command.RunAsync(args, input, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
