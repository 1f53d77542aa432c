using System.Text.Json.Nodes;

namespace BillingBot.Infra.Tests;

/// <summary>
/// What a deployment of infra/main.bicep with infra/main.bicepparam would create, as `bicep snapshot` predicts it offline
/// (parameters evaluated, names and ids resolved; values only Azure knows stay expressions). Built once per test class, in
/// a copy of infra/ so that nothing is written into the repository.
/// </summary>
public sealed class DeploymentSnapshot : IAsyncLifetime
{
    public const string SubscriptionId = "00000000-0000-4000-8000-00000000005b";
    public const string ResourceGroup = "rg-billingbot-test";
    public const string Location = "polandcentral";

    /// <summary>The client secret given through the environment, as README tells the operator to.</summary>
    public const string AppPassword = "not-a-real-secret-Zq7~x";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "billingbot-infra-" + Guid.NewGuid().ToString("N")[..8]);

    public BicepResult Result { get; private set; } = null!;

    public JsonObject Snapshot { get; private set; } = null!;

    public string Text { get; private set; } = "";

    public IReadOnlyList<JsonObject> Resources => [.. Snapshot["predictedResources"]!.AsArray().OfType<JsonObject>()];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        foreach (var file in Directory.GetFiles(BicepCli.InfraDirectory))
        {
            File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
        }

        Result = await BicepCli.RunAsync(
            ["snapshot", Path.Combine(_directory, "main.bicepparam"), "--mode", "overwrite", "--subscription-id", SubscriptionId,
                "--resource-group", ResourceGroup, "--location", Location, "--tenant-id", "00000000-0000-4000-8000-0000000000e1"],
            new Dictionary<string, string?> { ["BOT_APP_PASSWORD"] = AppPassword });
        var path = Path.Combine(_directory, "main.snapshot.json");
        if (File.Exists(path))
        {
            Text = await File.ReadAllTextAsync(path);
            Snapshot = JsonNode.Parse(Text)!.AsObject();
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    public IReadOnlyList<JsonObject> OfType(string type) =>
        [.. Resources.Where(r => string.Equals(r["type"]?.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase))];

    public JsonObject Single(string type) => Assert.Single(OfType(type));

    /// <summary>The string at a path of properties, e.g. ("properties", "siteConfig", "linuxFxVersion").</summary>
    public static string? ValueAt(JsonObject resource, params string[] path) => Node(resource, path)?.ToString();

    public static JsonNode? Node(JsonObject resource, params string[] path)
    {
        JsonNode? node = resource;
        foreach (var step in path)
        {
            node = node?[step];
        }

        return node;
    }
}
