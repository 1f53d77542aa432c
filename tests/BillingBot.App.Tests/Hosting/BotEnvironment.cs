using System.Text.Json;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Auth;
using BillingBot.TestKit.Azurite;
using BillingBot.TestKit.Channel;

namespace BillingBot.App.Tests.Hosting;

/// <summary>What the app talks to: Azurite, a fake Teams channel and a loopback OpenID server, shared by one test class.</summary>
public sealed class BotEnvironment : IAsyncLifetime
{
    public static readonly TestSigningKey TeamsKey = TestSigningKey.ForTeams("teams-key");

    public BotEnvironment()
        : this(AzuritePersistence.Memory)
    {
    }

    private BotEnvironment(AzuritePersistence persistence) => Azurite = new AzuriteFixture { Persistence = persistence };

    public AzuriteFixture Azurite { get; }

    public FakeTeamsChannel Channel { get; } = new();

    public TestOpenIdServer OpenId { get; } = new();

    /// <summary>An environment whose Azurite keeps its tables on disk, so a stop and start brings the data back.</summary>
    public static BotEnvironment OnDisk() => new(AzuritePersistence.Disk);

    public async Task InitializeAsync()
    {
        OpenId.AddKey(TeamsKey);
        await Task.WhenAll(Azurite.StartAsync(), Channel.StartAsync(CancellationToken.None), OpenId.StartAsync(CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await Channel.DisposeAsync();
        await OpenId.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    public IEnumerable<ReceivedRequest> RequestsTo(string conversationId) =>
        Channel.Requests.Where(r => r.ConversationId == conversationId);

    /// <summary>The activities the bot sent to a conversation, in order, as Teams received them.</summary>
    public IReadOnlyList<Activity> ActivitiesSentTo(string conversationId) =>
        [.. RequestsTo(conversationId).Where(r => r.Body is not null).Select(r => r.Body!.Deserialize<Activity>(ProtocolJson.Options)!)];

    public IReadOnlyList<string> TextsSentTo(string conversationId) =>
        [.. RequestsTo(conversationId).Where(r => r.Body?["text"] is not null).Select(r => r.Body!["text"]!.GetValue<string>())];
}
