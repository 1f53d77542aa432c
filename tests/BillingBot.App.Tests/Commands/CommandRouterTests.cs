using BillingBot.App.Commands;
using BillingBot.App.Commands.Seed;
using BillingBot.TestKit.Azurite;

namespace BillingBot.App.Tests.Commands;

/// <summary>The router Program.cs uses: names pick a command, anything else runs the bot, failures become exit codes and a line.</summary>
public sealed class CommandRouterTests
{
    private readonly CommandRouter _router = new CommandRouter().Add<SeedCommand>("seed");

    [Theory]
    [InlineData(true, "seed")]
    [InlineData(true, "SEED")]
    [InlineData(false)]
    [InlineData(false, "--urls", "http://127.0.0.1:3978")]
    [InlineData(false, "sed")]
    public void A_known_first_argument_is_a_command_and_anything_else_is_for_the_bot(bool handled, params string[] args)
    {
        Assert.Equal(handled, _router.Handles(args));
    }

    [Fact]
    public async Task When_storage_is_down_a_command_says_so_in_one_line_and_fails()
    {
        await using var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        await using var harness = new CommandHarness(azurite);
        await azurite.StopAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await _router.RunAsync(harness.Services, ["seed"], new CommandConsole(output, error), CancellationToken.None);

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.StartsWith("seed: storage is unavailable", error.ToString(), StringComparison.Ordinal);
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Without_storage_settings_a_command_names_the_missing_setting()
    {
        await using var azurite = new AzuriteFixture();
        await using var harness = new CommandHarness(azurite, connectionString: "");
        using var error = new StringWriter();

        var exitCode = await _router.RunAsync(harness.Services, ["seed"], new CommandConsole(TextWriter.Null, error), CancellationToken.None);

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("ConnectionStrings:Storage", error.ToString(), StringComparison.Ordinal);
    }
}
