using System.Text.Json.Nodes;

namespace BillingBot.Infra.Tests;

/// <summary>
/// infra/ compiles and lints without a single diagnostic, offline, with the linter's useful rules raised to errors
/// (infra/bicepconfig.json); the parameters file takes the bot's client secret from the environment only.
/// </summary>
public sealed class BicepCompilationTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("billingbot-bicep-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task The_template_builds_without_any_diagnostic()
    {
        var result = await BicepCli.RunAsync(["build", "infra/main.bicep", "--outfile", Path.Combine(_scratch, "main.json")]);

        Assert.True(result.IsClean, result.ToString());
        Assert.True(File.Exists(Path.Combine(_scratch, "main.json")));
    }

    [Fact]
    public async Task The_linter_finds_nothing_in_the_template_or_the_parameters_file()
    {
        var template = await BicepCli.RunAsync(["lint", "infra/main.bicep"]);
        var parameters = await BicepCli.RunAsync(["lint", "infra/main.bicepparam"], Secret("any"));

        Assert.True(template.IsClean, template.ToString());
        Assert.True(parameters.IsClean, parameters.ToString());
    }

    [Fact]
    public async Task The_linter_is_strict_an_unused_variable_fails_lint_and_build()
    {
        foreach (var file in Directory.GetFiles(BicepCli.InfraDirectory))
        {
            File.Copy(file, Path.Combine(_scratch, Path.GetFileName(file)));
        }

        var main = Path.Combine(_scratch, "main.bicep");
        await File.AppendAllTextAsync(main, "\nvar forgotten = 'left over'\n");

        var lint = await BicepCli.RunAsync(["lint", main]);
        var build = await BicepCli.RunAsync(["build", main, "--outfile", Path.Combine(_scratch, "main.json")]);

        Assert.NotEqual(0, lint.ExitCode);
        Assert.Contains("Error no-unused-vars", lint.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, build.ExitCode);
    }

    [Fact]
    public async Task The_parameters_file_builds_with_the_client_secret_from_the_environment_and_not_without_it()
    {
        const string secret = "from-the-environment-9f3K~q";
        var output = Path.Combine(_scratch, "main.parameters.json");

        var built = await BicepCli.RunAsync(["build-params", "infra/main.bicepparam", "--outfile", output], Secret(secret));
        var missing = await BicepCli.RunAsync(["build-params", "infra/main.bicepparam", "--outfile", Path.Combine(_scratch, "other.json")], Secret(null));

        Assert.True(built.IsClean, built.ToString());
        var parameters = JsonNode.Parse(await File.ReadAllTextAsync(output))!["parameters"]!;
        Assert.Equal(secret, parameters["botAppPassword"]!["value"]!.GetValue<string>());
        Assert.DoesNotContain(secret, await File.ReadAllTextAsync(Path.Combine(BicepCli.InfraDirectory, "main.bicepparam")), StringComparison.Ordinal);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("BOT_APP_PASSWORD", missing.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Secret(string? value) => new() { ["BOT_APP_PASSWORD"] = value };
}
