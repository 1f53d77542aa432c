using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using BillingBot.App.Commands;
using BillingBot.App.Commands.Package;
using BillingBot.App.Tests.Manifest;
using BillingBot.TestKit.Manifest;

namespace BillingBot.App.Tests.Commands;

/// <summary>
/// `package`: a partner's values in, a Teams app package out, checked entry by entry against the official schemas
/// and Teams' icon rules; and every kind of bad value refused with a message that names it.
/// </summary>
public sealed class PackageCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("billingbot-package-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_package_holds_a_valid_manifest_with_the_partners_values_its_polish_file_and_both_icons_at_its_root()
    {
        var zip = Path.Combine(_folder.FullName, "contoso.zip");

        var result = await RunAsync([.. SampleTeamsApp.Arguments, "--out", zip]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains(zip, result.Out, StringComparison.Ordinal);
        var entries = Entries(zip);
        Assert.Equal(["manifest.json", "pl.json", "color.png", "outline.png"], entries.Keys);
        var schemas = await TeamsManifestSchemas.LoadAsync();
        Assert.Empty(schemas.Validate(Encoding.UTF8.GetString(entries["manifest.json"])));
        Assert.Empty(schemas.Validate(Encoding.UTF8.GetString(entries["pl.json"])));
        Assert.Empty(TeamsAppIcons.ColorIconProblems(PngImage.Decode(entries["color.png"])));
        Assert.Empty(TeamsAppIcons.OutlineIconProblems(PngImage.Decode(entries["outline.png"])));

        var manifest = Json(entries["manifest.json"]);
        Assert.Equal(SampleTeamsApp.AppId, (string?)manifest["id"]);
        Assert.Equal(SampleTeamsApp.Version, (string?)manifest["version"]);
        Assert.Equal(SampleTeamsApp.BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(SampleTeamsApp.Name, (string?)manifest["name"]!["short"]);
        Assert.Equal(SampleTeamsApp.FullName, (string?)manifest["name"]!["full"]);
        var developer = manifest["developer"]!;
        Assert.Equal(SampleTeamsApp.Developer, (string?)developer["name"]);
        Assert.Equal(SampleTeamsApp.Website, (string?)developer["websiteUrl"]);
        Assert.Equal(SampleTeamsApp.Privacy, (string?)developer["privacyUrl"]);
        Assert.Equal(SampleTeamsApp.Terms, (string?)developer["termsOfUseUrl"]);
        Assert.Equal(SampleTeamsApp.MpnId, (string?)developer["mpnId"]);
        Assert.Equal([SampleTeamsApp.Domain], manifest["validDomains"]!.AsArray().Select(d => (string)d!));
        var polish = Json(entries["pl.json"]);
        Assert.Equal(SampleTeamsApp.Name, (string?)polish["name.short"]);
        Assert.Equal(SampleTeamsApp.FullNamePolish, (string?)polish["name.full"]);
        Assert.DoesNotContain("${{", Encoding.UTF8.GetString(entries["manifest.json"]) + Encoding.UTF8.GetString(entries["pl.json"]), StringComparison.Ordinal);

        // Every file the manifest names is in the package.
        var named = new[] { (string)manifest["icons"]!["color"]!, (string)manifest["icons"]!["outline"]! }
            .Concat(manifest["localizationInfo"]!["additionalLanguages"]!.AsArray().Select(l => (string)l!["file"]!));
        Assert.All(named, file => Assert.Contains(file, entries.Keys));
    }

    [Fact]
    public async Task With_only_the_required_values_the_teams_app_id_is_the_bot_id_and_optional_fields_are_left_out()
    {
        var zip = Path.Combine(_folder.FullName, "minimal.zip");

        var result = await RunAsync([.. SampleTeamsApp.RequiredArguments, "--out", zip]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var entries = Entries(zip);
        var schemas = await TeamsManifestSchemas.LoadAsync();
        Assert.Empty(schemas.Validate(Encoding.UTF8.GetString(entries["manifest.json"])));
        Assert.Empty(schemas.Validate(Encoding.UTF8.GetString(entries["pl.json"])));
        var manifest = Json(entries["manifest.json"]);
        Assert.Equal(SampleTeamsApp.BotId, (string?)manifest["id"]);
        Assert.Equal("1.0.0", (string?)manifest["version"]);
        Assert.Equal(SampleTeamsApp.Name, (string?)manifest["name"]!["full"]);
        Assert.Null(manifest["developer"]!["mpnId"]);
        Assert.Empty(manifest["validDomains"]!.AsArray());
        Assert.Equal(SampleTeamsApp.Name, (string?)Json(entries["pl.json"])["name.full"]);
    }

    [Fact]
    public async Task The_same_values_give_the_same_package_byte_for_byte_and_a_folder_gets_the_default_name()
    {
        var first = Path.Combine(_folder.FullName, "first.zip");
        var folder = Path.Combine(_folder.FullName, "packages") + Path.DirectorySeparatorChar;

        Assert.Equal(ExitCodes.Ok, (await RunAsync([.. SampleTeamsApp.Arguments, "--out", first])).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await RunAsync([.. SampleTeamsApp.Arguments, "--out", folder])).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await RunAsync([.. SampleTeamsApp.Arguments, "--out", folder])).ExitCode);

        var second = Path.Combine(folder, $"billingbot-teams-app-{SampleTeamsApp.Version}.zip");
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal([Path.GetFileName(second)], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--bot-id", "bot-1234", "--bot-id must be a GUID")]
    [InlineData("--app-id", "00000000-0000-0000-0000-000000000000", "--app-id must be a GUID")]
    [InlineData("--website", "http://contoso.example/support", "--website must be an absolute https:// URL")]
    [InlineData("--privacy", "contoso.example/privacy", "--privacy must be an absolute https:// URL")]
    [InlineData("--terms", "https://contoso.example/terms of use", "--terms must be an absolute https:// URL")]
    [InlineData("--name", "Contoso Billing and Collections", "--name must be at most 30 characters")]
    [InlineData("--full-name", "Contoso Billing Assistant: invoices, balances, payments, reminders, support plans, hand-offs and sales", "--full-name must be at most 100 characters")]
    [InlineData("--developer", "Contoso Cloud Solutions Polska sp. z o.o.", "--developer must be at most 32 characters")]
    [InlineData("--name", "  ", "--name must be a name")]
    [InlineData("--version", "1.4", "--version must be three numbers like 1.0.0")]
    [InlineData("--version", "1.04.0", "--version must be three numbers like 1.0.0")]
    [InlineData("--mpn-id", "MPN-123", "--mpn-id must be the Microsoft Partner Network ID")]
    [InlineData("--valid-domain", "https://billing.contoso.example/", "--valid-domain must be a host name")]
    [InlineData("--out", "contoso.txt", "--out must name a .zip file")]
    [InlineData("--colour=teal", null, "Unknown argument '--colour=teal'")]
    public async Task A_bad_value_is_named_and_nothing_is_written(string option, string? value, string expected)
    {
        var arguments = With(option, value);

        var result = await RunAsync(arguments);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var problem = Assert.Single(result.ErrorLines, line => line.StartsWith("package: ", StringComparison.Ordinal));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains("Usage: package", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task Every_missing_or_repeated_value_is_reported_at_once()
    {
        var result = await RunAsync(["--name", "Contoso Billing", "--name", "Contoso", "--website"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("package: --name is given more than once.", result.ErrorLines);
        Assert.Contains("package: --website needs a value.", result.ErrorLines);
        foreach (var required in new[] { "--bot-id", "--developer", "--privacy", "--terms" })
        {
            Assert.Contains(result.ErrorLines, line => line.StartsWith($"package: {required} is required", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_destination_that_cannot_be_written_is_an_error_and_leaves_nothing_behind()
    {
        var file = Path.Combine(_folder.FullName, "not-a-folder");
        await File.WriteAllTextAsync(file, "a file where a folder would be");

        var result = await RunAsync([.. SampleTeamsApp.Arguments, "--out", Path.Combine(file, "app.zip")]);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.StartsWith("package: could not write", result.Error, StringComparison.Ordinal);
        Assert.Equal([file], Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task Run_as_the_apps_command_line_it_writes_the_package_relative_to_where_it_was_typed()
    {
        var (exitCode, output, error) = await AppProcess.RunAsync(
            ["package", .. SampleTeamsApp.RequiredArguments, "--out", "teams/contoso.zip"],
            new Dictionary<string, string> { ["PWD"] = _folder.FullName, ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        Assert.True(exitCode == ExitCodes.Ok, error);
        var zip = Path.Combine(_folder.FullName, "teams", "contoso.zip");
        Assert.Contains(zip, output, StringComparison.Ordinal);
        Assert.Equal(TeamsAppPackage.EntryNames, Entries(zip).Keys);
    }

    private static async Task<CommandResult> RunAsync(IReadOnlyList<string> arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await new PackageCommand().RunAsync(arguments, new CommandConsole(output, error), CancellationToken.None);
        return new CommandResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The sample arguments with one option's value replaced (or the option added), writing into the test's folder.</summary>
    private string[] With(string option, string? value)
    {
        var arguments = SampleTeamsApp.Arguments.ToList();
        var index = arguments.IndexOf(option);
        if (value is null)
        {
            arguments.Add(option);
        }
        else if (index >= 0)
        {
            arguments[index + 1] = value;
        }
        else
        {
            arguments.AddRange([option, value]);
        }

        if (option != "--out")
        {
            arguments.AddRange(["--out", Path.Combine(_folder.FullName, "app.zip")]);
        }
        else
        {
            arguments[^1] = Path.Combine(_folder.FullName, value!);
        }

        return [.. arguments];
    }

    /// <summary>The zip's entries by name, in their order in the zip.</summary>
    private static Dictionary<string, byte[]> Entries(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries.Add(entry.FullName, copy.ToArray());
        }

        return entries;
    }

    private static JsonObject Json(byte[] utf8) => JsonNode.Parse(utf8)!.AsObject();
}
