using BillingBot.Protocol.Schema;
using BillingBot.Storage.Activities;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.Storage.Tests.Activities;

/// <summary>Re-deliveries are recognised across instances, and old claims are purged so the table stays small.</summary>
public sealed class ActivityClaimTests : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly TableStore _tables;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public ActivityClaimTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _tables = NewTables();
    }

    public Task InitializeAsync() => _tables.EnsureTablesAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Of_many_concurrent_deliveries_on_several_instances_exactly_one_is_processed()
    {
        var activity = Message("19:abc@thread.tacv2;messageid=1", "1732527000001");
        var instances = Enumerable.Range(0, 3).Select(_ => new TableActivityDeduplicator(_tables)).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 9).Select(i => instances[i % 3].TryBeginAsync(activity, CancellationToken.None)));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task The_same_activity_id_in_another_conversation_is_a_different_activity()
    {
        var deduplicator = new TableActivityDeduplicator(_tables);

        Assert.True(await deduplicator.TryBeginAsync(Message("a:one", "42"), CancellationToken.None));
        Assert.True(await deduplicator.TryBeginAsync(Message("a:two", "42"), CancellationToken.None));
        Assert.False(await deduplicator.TryBeginAsync(Message("a:one", "42"), CancellationToken.None));
    }

    [Fact]
    public async Task Claims_older_than_the_retention_are_purged_and_recent_ones_kept()
    {
        // Tables of its own, so that the other tests' claims do not count.
        var tables = NewTables();
        await tables.EnsureTablesAsync(CancellationToken.None);
        var deduplicator = new TableActivityDeduplicator(tables);
        var purger = new ActivityClaimPurger(tables, Options.Create(new ActivityClaimOptions()), _time, NullLogger<ActivityClaimPurger>.Instance);
        await deduplicator.TryBeginAsync(Message("a:purge", "1"), CancellationToken.None);
        await deduplicator.TryBeginAsync(Message("a:purge", "2"), CancellationToken.None);

        Assert.Equal(0, await purger.PurgeAsync(CancellationToken.None));
        Assert.False(await deduplicator.TryBeginAsync(Message("a:purge", "1"), CancellationToken.None));

        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        Assert.Equal(2, await purger.PurgeAsync(CancellationToken.None));
        Assert.True(await deduplicator.TryBeginAsync(Message("a:purge", "1"), CancellationToken.None));
    }

    private TableStore NewTables() => new(Options.Create(new StorageOptions
    {
        ConnectionString = _azurite.ConnectionString,
        TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10],
    }));

    private static Activity Message(string conversationId, string id) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = conversationId },
    };
}
