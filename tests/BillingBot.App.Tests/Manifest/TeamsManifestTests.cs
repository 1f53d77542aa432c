using System.Globalization;
using System.Text.Json.Nodes;
using BillingBot.App.Commands.Package;
using BillingBot.TestKit.Manifest;

namespace BillingBot.App.Tests.Manifest;

/// <summary>
/// The Teams app in manifest/ as a partner installs it: the manifest and its Polish file against the official schemas
/// bundled by @microsoft/app-manifest (offline), what the bot offers in Teams, and the icons against Teams' rules.
/// </summary>
public sealed class TeamsManifestTests
{
    private static readonly Dictionary<string, string> PolishCommands = new(StringComparer.Ordinal)
    {
        ["help"] = "pomoc",
        ["invoices"] = "faktury",
        ["balance"] = "saldo",
        ["support"] = "wsparcie",
        ["agent"] = "konsultant",
    };

    [Fact]
    public async Task The_manifest_filled_with_a_partners_values_is_valid_on_the_newest_schema_the_package_bundles()
    {
        var schemas = await TeamsManifestSchemas.LoadAsync();
        var manifest = Filled("manifest.json");

        Assert.Empty(schemas.Validate(manifest.ToJsonString()));
        var newest = Directory.GetDirectories(schemas.Directory, "v1.*")
            .Select(folder => Version.Parse(Path.GetFileName(folder)[1..]))
            .Max()!;
        Assert.Equal(newest.ToString(), (string?)manifest["manifestVersion"]);
        Assert.Equal($"{TeamsManifestSchemas.SchemaAddressPrefix}v{newest}/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
    }

    [Fact]
    public async Task The_schema_check_refuses_what_Teams_would_refuse()
    {
        var schemas = await TeamsManifestSchemas.LoadAsync();
        var manifest = Filled("manifest.json");
        manifest["id"] = "not-a-guid";
        manifest["name"]!["short"] = new string('x', 31);
        manifest["bots"]![0]!["scopes"] = new JsonArray("personal", "everywhere");

        var polish = Filled("pl.json");
        polish["bots[0].commandLists[0].commands[0].titel"] = "pomoc";
        polish.Remove("description.short");

        var problems = schemas.Validate(manifest.ToJsonString());
        var polishProblems = schemas.Validate(polish.ToJsonString());

        Assert.Contains(problems, p => p.StartsWith("/id:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("/name/short:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("/bots/0/scopes/1:", StringComparison.Ordinal));
        Assert.Contains(polishProblems, p => p.Contains("titel", StringComparison.Ordinal));
        Assert.Contains(polishProblems, p => p.Contains("description.short", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_polish_file_is_valid_and_gives_every_command_a_polish_title_and_description()
    {
        var schemas = await TeamsManifestSchemas.LoadAsync();
        var manifest = Filled("manifest.json");
        var polish = Filled("pl.json");

        Assert.Empty(schemas.Validate(polish.ToJsonString()));
        Assert.Equal("en", (string?)manifest["localizationInfo"]!["defaultLanguageTag"]);
        var language = Assert.Single(manifest["localizationInfo"]!["additionalLanguages"]!.AsArray())!;
        Assert.Equal("pl", (string?)language["languageTag"]);
        Assert.Equal("pl.json", (string?)language["file"]);

        var commandKeys = new List<string>();
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var l = 0; l < lists.Count; l++)
        {
            var commands = lists[l]!["commands"]!.AsArray();
            for (var c = 0; c < commands.Count; c++)
            {
                var key = $"bots[0].commandLists[{l}].commands[{c}]";
                commandKeys.AddRange([key + ".title", key + ".description"]);
                Assert.Equal(PolishCommands[(string)commands[c]!["title"]!], (string?)polish[key + ".title"]);
                Assert.NotEqual((string?)commands[c]!["description"], (string?)polish[key + ".description"]);
                Assert.False(string.IsNullOrWhiteSpace((string?)polish[key + ".description"]));
            }
        }

        // Nothing in the Polish file translates a command that is not there.
        Assert.Equal(
            commandKeys.Order(StringComparer.Ordinal),
            polish.Select(p => p.Key).Where(k => k.StartsWith("bots[", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(SampleTeamsApp.FullNamePolish, (string?)polish["name.full"]);
        Assert.NotEqual((string?)manifest["description"]!["full"], (string?)polish["description.full"]);
        Assert.Contains((string)polish["description.full"]!, ch => "ąćęłńóśźż".Contains(ch, StringComparison.Ordinal));
    }

    [Fact]
    public void The_bot_converses_in_personal_chats_teams_and_group_chats_and_offers_a_person_only_in_the_personal_chat()
    {
        var bot = Assert.Single(Filled("manifest.json")["bots"]!.AsArray())!;

        Assert.Equal(SampleTeamsApp.BotId, (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], Strings(bot["scopes"]));
        Assert.False((bool)bot["supportsFiles"]!);
        Assert.False((bool)bot["isNotificationOnly"]!);
        var lists = bot["commandLists"]!.AsArray();
        Assert.Equal(2, lists.Count);
        Assert.Equal(["personal"], Strings(lists[0]!["scopes"]));
        Assert.Equal(["help", "invoices", "balance", "support", "agent"], Titles(lists[0]!));
        // A hand-off works in the personal chat only (elsewhere the bot gives the support contacts, as "support" does).
        Assert.Equal(["team", "groupChat"], Strings(lists[1]!["scopes"]));
        Assert.Equal(["help", "invoices", "balance", "support"], Titles(lists[1]!));
    }

    [Fact]
    public void The_app_asks_for_no_resource_specific_consent_so_channel_messages_reach_it_only_when_it_is_mentioned()
    {
        // No ChannelMessage.Read.Group: customers install this app too, and their team owners would be asked to let a
        // billing bot read every channel message; the bot answers whatever reaches it in a channel; and an agent
        // relaying one hand-off has the channel's messages relayed, so mentioning the bot is how an agent addresses
        // the customer. See README, "Teams app package".
        var manifest = SampleTeamsApp.Template("manifest.json");

        Assert.Null(manifest["authorization"]);
        Assert.Null(manifest["webApplicationInfo"]);
    }

    [Fact]
    public void The_colour_icon_is_192_pixels_in_colour_on_the_apps_accent_colour()
    {
        var icon = PngImage.Read(Path.Combine(SampleTeamsApp.Folder, "color.png"));
        var accent = (string)SampleTeamsApp.Template("manifest.json")["accentColor"]!;

        Assert.Empty(TeamsAppIcons.ColorIconProblems(icon));
        var (r, g, b, a) = icon[0, 0];
        Assert.Equal(255, a);
        Assert.Equal(accent, string.Create(CultureInfo.InvariantCulture, $"#{r:X2}{g:X2}{b:X2}"));
    }

    [Fact]
    public void The_outline_icon_is_32_pixels_white_on_transparent()
    {
        var icon = PngImage.Read(Path.Combine(SampleTeamsApp.Folder, "outline.png"));

        Assert.Empty(TeamsAppIcons.OutlineIconProblems(icon));
    }

    [Fact]
    public async Task The_icons_are_what_the_icon_script_draws()
    {
        var drawn = Directory.CreateTempSubdirectory("billingbot-icons-");
        try
        {
            await TeamsAppIcons.DrawAsync(drawn.FullName);

            foreach (var name in new[] { "color.png", "outline.png" })
            {
                var committed = PngImage.Read(Path.Combine(SampleTeamsApp.Folder, name));
                var fresh = PngImage.Read(Path.Combine(drawn.FullName, name));
                Assert.Equal((committed.Width, committed.Height), (fresh.Width, fresh.Height));
                Assert.True(committed.Pixels().SequenceEqual(fresh.Pixels()), $"manifest/{name} differs from what tools/manifest/make-icons.cjs draws; run it again.");
            }
        }
        finally
        {
            drawn.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_app_carries_the_files_of_manifest_folder_as_they_are()
    {
        foreach (var name in TeamsAppPackage.EntryNames)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(SampleTeamsApp.Folder, name)), TeamsAppPackage.Template(name));
        }
    }

    [Fact]
    public void The_templates_have_a_placeholder_for_each_value_a_partner_gives()
    {
        var used = new[] { "manifest.json", "pl.json" }
            .SelectMany(name => ManifestTemplate.Placeholders(SampleTeamsApp.Template(name)))
            .Distinct(StringComparer.Ordinal);

        Assert.Equal(SampleTeamsApp.Placeholders.Keys.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    private static JsonObject Filled(string name) =>
        ManifestTemplate.Fill(SampleTeamsApp.Template(name), SampleTeamsApp.Placeholders).AsObject();

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(item => (string)item!)];

    private static string[] Titles(JsonNode list) => [.. list["commands"]!.AsArray().Select(c => (string)c!["title"]!)];
}
