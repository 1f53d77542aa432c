namespace BillingBot.TestKit.Azurite;

/// <summary>
/// Where the repo's Node dev tools (installed from <c>tools/package-lock.json</c>) live on disk.
/// </summary>
internal sealed class NodeToolPaths
{
    private const string SolutionFileName = "BillingBot.sln";

    private NodeToolPaths(string repoRoot)
    {
        RepoRoot = repoRoot;
        ToolsDirectory = Path.Combine(repoRoot, "tools");
        var nodeModules = Path.Combine(ToolsDirectory, "node_modules");
        EnsureToolsScript = Path.Combine(ToolsDirectory, "ensure-tools.sh");
        // Entry files named by each package's package.json "bin"; run with `node` directly so
        // the shim in .bin (a symlink on Unix, a .cmd on Windows) does not matter.
        AzuriteTableScript = Path.Combine(nodeModules, "azurite", "dist", "src", "table", "main.js");
        PlaygroundScript = Path.Combine(nodeModules, "@microsoft", "m365agentsplayground", "cli.js");
        // A library without a bin: its CommonJS bundle is what tools/cards/check-cards.cjs loads.
        AdaptiveCardsBundle = Path.Combine(nodeModules, "adaptivecards", "dist", "adaptivecards.js");
        CardCheckScript = Path.Combine(ToolsDirectory, "cards", "check-cards.cjs");
        // The Teams app manifest schemas as @microsoft/app-manifest bundles them (json-schemas/teams/v1.30/...),
        // and the script that draws the app's icons (it loads pngjs from node_modules).
        TeamsSchemasDirectory = Path.Combine(nodeModules, "@microsoft", "app-manifest", "build", "json-schemas", "teams");
        IconScript = Path.Combine(ToolsDirectory, "manifest", "make-icons.cjs");
        PngJsPackage = Path.Combine(nodeModules, "pngjs", "package.json");
        // ensure-tools.sh decides "installed" by these links; npm creates them late in an
        // install, so their presence also means the install got to the end.
        BinLinks =
        [
            Path.Combine(nodeModules, ".bin", "azurite-table"),
            Path.Combine(nodeModules, ".bin", "agentsplayground"),
        ];
    }

    public string RepoRoot { get; }

    public string ToolsDirectory { get; }

    public string EnsureToolsScript { get; }

    public string AzuriteTableScript { get; }

    public string PlaygroundScript { get; }

    public string AdaptiveCardsBundle { get; }

    /// <summary>Our own script (in the repo, not installed) that checks cards with the adaptivecards renderer.</summary>
    public string CardCheckScript { get; }

    /// <summary>The folder of the Teams manifest schemas by version (v1.30/MicrosoftTeams.schema.json, ...).</summary>
    public string TeamsSchemasDirectory { get; }

    /// <summary>Our own script (in the repo) that draws manifest/color.png and manifest/outline.png.</summary>
    public string IconScript { get; }

    private string PngJsPackage { get; }

    private string[] BinLinks { get; }

    public bool IsInstalled =>
        File.Exists(AzuriteTableScript)
        && File.Exists(PlaygroundScript)
        && File.Exists(AdaptiveCardsBundle)
        && File.Exists(Path.Combine(TeamsSchemasDirectory, "v1.30", "MicrosoftTeams.schema.json"))
        && File.Exists(PngJsPackage)
        && BinLinks.All(link => File.Exists(link) || File.Exists(link + ".cmd"));

    /// <summary>
    /// Finds the repo by walking up from the test binaries (tests/X/bin/Debug/net10.0/) to the
    /// folder holding the solution, so tests work from any working directory.
    /// </summary>
    public static NodeToolPaths Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return new NodeToolPaths(dir.FullName);
            }
        }

        throw new InvalidOperationException(
            $"Could not find {SolutionFileName} in '{AppContext.BaseDirectory}' or any parent folder; "
            + "the Azurite fixture needs the repo checkout (it runs tools/node_modules/azurite).");
    }
}
