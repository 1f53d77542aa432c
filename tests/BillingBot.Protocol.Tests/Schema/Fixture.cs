using System.Text.Json.Nodes;

namespace BillingBot.Protocol.Tests.Schema;

/// <summary>Reads the recorded and real-shaped Teams payloads copied next to the tests.</summary>
internal static class Fixture
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static string Teams(string name) => File.ReadAllText(Path("teams", name + ".json"));

    /// <summary>The activities the Agents Playground posted, one per line.</summary>
    public static IEnumerable<string> PlaygroundActivities() =>
        File.ReadLines(Path("playground-activities.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonNode.Parse(line)!["activity"]!.ToJsonString());
}
