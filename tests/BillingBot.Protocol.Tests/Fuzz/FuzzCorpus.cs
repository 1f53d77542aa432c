using System.Text.Json.Nodes;
using BillingBot.Protocol.Tests.Schema;
using BillingBot.TestKit.Fuzz;

namespace BillingBot.Protocol.Tests.Fuzz;

/// <summary>
/// The seed corpus of the protocol's fuzzers: the Teams payloads recorded next to the schema tests, what the Agents
/// Playground posted, and every shape of <see cref="TeamsCorpus"/>.
/// </summary>
internal static class FuzzCorpus
{
    public static readonly Uri ServiceUrl = new("https://smba.trafficmanager.net/emea/");

    private static readonly string[] TeamsFixtures =
    [
        "personal-message", "channel-mention", "group-chat", "conversation-update-team", "installation-update-add",
        "installation-update-remove", "invoke-adaptive-card-action", "action-submit",
    ];

    public static IReadOnlyList<CorpusEntry> Templates { get; } =
    [
        .. TeamsFixtures.Select(name => new CorpusEntry(name + ".json", JsonNode.Parse(Fixture.Teams(name))!.AsObject())),
        .. Fixture.PlaygroundActivities().Select((json, line) => new CorpusEntry($"playground line {line + 1}", JsonNode.Parse(json)!.AsObject())),
        .. TeamsCorpus.Entries(ServiceUrl, "fuzz"),
    ];
}
