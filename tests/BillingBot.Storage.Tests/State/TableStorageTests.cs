using System.Text.Json.Nodes;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Storage.References;
using BillingBot.Storage.State;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using Microsoft.Extensions.Options;

namespace BillingBot.Storage.Tests.State;

/// <summary>The Table Storage implementations against a real Azurite.</summary>
public sealed class TableStorageTests : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly TableStore _tables;
    private readonly TableStorage _storage;

    public TableStorageTests(AzuriteFixture azurite)
    {
        _tables = new TableStore(Options.Create(new StorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10],
        }));
        _storage = new TableStorage(_tables);
    }

    public Task InitializeAsync() => _tables.EnsureTablesAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_document_reads_back_as_written_with_its_ETag()
    {
        var etags = await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["msteams/conversations/a:1"] = new("{\"a\":1}", null) }, CancellationToken.None);

        var read = await _storage.ReadAsync(["msteams/conversations/a:1", "missing"], CancellationToken.None);

        var item = Assert.Single(read).Value;
        Assert.Equal("{\"a\":1}", item.Json);
        Assert.Equal(etags["msteams/conversations/a:1"], item.ETag);
    }

    [Theory]
    [InlineData("msteams/conversations/19:abc@thread.tacv2;messageid=17")]
    [InlineData("back\\slash#hash?query%percent'quote")]
    [InlineData("control\u0001char\ttab")]
    public async Task Keys_with_characters_Azure_forbids_are_stored_and_read_back(string key)
    {
        await _storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = new("{}", ETags.Any) }, CancellationToken.None);

        Assert.Single(await _storage.ReadAsync([key], CancellationToken.None));
        Assert.DoesNotContain('/', TableKeys.Encode(key));
        Assert.Equal(key, TableKeys.Decode(TableKeys.Encode(key)));
    }

    [Fact]
    public async Task A_value_larger_than_one_64_KiB_property_is_kept_whole()
    {
        var big = new JsonObject { ["text"] = string.Concat(Enumerable.Repeat("zażółć gęślą jaźń ", 5_000)) }.ToJsonString();
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(big) > 3 * 64 * 1024);

        await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["big"] = new(big, ETags.Any) }, CancellationToken.None);

        Assert.Equal(big, (await _storage.ReadAsync(["big"], CancellationToken.None))["big"].Json);
    }

    [Fact]
    public async Task A_value_larger_than_an_entity_is_refused_clearly()
    {
        var huge = new string('x', 2 * 1024 * 1024);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            _storage.WriteAsync(new Dictionary<string, StoreItem> { ["huge"] = new(huge, ETags.Any) }, CancellationToken.None));

        Assert.Contains("more than one table entity holds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_concurrent_writers_never_silently_lose_an_update()
    {
        const string key = "counter";
        await _storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = new("{\"n\":0}", null) }, CancellationToken.None);
        var conflicts = 0;

        // Eight writers each add 1 five times, re-reading on every conflict: the total must be exactly 40.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var done = 0; done < 5;)
            {
                var current = (await _storage.ReadAsync([key], CancellationToken.None))[key];
                var n = JsonNode.Parse(current.Json)!["n"]!.GetValue<int>();
                try
                {
                    await _storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = new($"{{\"n\":{n + 1}}}", current.ETag) }, CancellationToken.None);
                    done++;
                }
                catch (ConcurrencyConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }));

        Assert.Equal(40, JsonNode.Parse((await _storage.ReadAsync([key], CancellationToken.None))[key].Json)!["n"]!.GetValue<int>());
        Assert.True(conflicts > 0, "the writers never raced, so the test proved nothing");
    }

    [Fact]
    public async Task Creating_a_document_that_exists_is_a_conflict_and_a_stale_ETag_too()
    {
        var first = await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["doc"] = new("{\"v\":1}", null) }, CancellationToken.None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _storage.WriteAsync(new Dictionary<string, StoreItem> { ["doc"] = new("{\"v\":2}", null) }, CancellationToken.None));

        await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["doc"] = new("{\"v\":3}", first["doc"]) }, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _storage.WriteAsync(new Dictionary<string, StoreItem> { ["doc"] = new("{\"v\":4}", first["doc"]) }, CancellationToken.None));
        Assert.Equal("{\"v\":3}", (await _storage.ReadAsync(["doc"], CancellationToken.None))["doc"].Json);
    }

    [Fact]
    public async Task Delete_removes_and_deleting_twice_is_fine()
    {
        await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["gone"] = new("{}", ETags.Any) }, CancellationToken.None);

        await _storage.DeleteAsync(["gone"], CancellationToken.None);
        await _storage.DeleteAsync(["gone"], CancellationToken.None);

        Assert.Empty(await _storage.ReadAsync(["gone"], CancellationToken.None));
    }

    [Fact]
    public async Task Of_two_concurrent_saves_of_a_new_reference_exactly_one_reports_it_new()
    {
        var store = new TableConversationReferenceStore(_tables, TimeProvider.System);
        var owner = "user:" + Guid.NewGuid();
        var reference = new StoredConversationReference("tenant/with/slash", owner, new ConversationReference
        {
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            Conversation = new ConversationAccount { Id = "a:1", TenantId = "tenant/with/slash" },
        }, true, DateTimeOffset.UtcNow);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.SaveAsync(reference, CancellationToken.None)));

        Assert.Equal(1, results.Count(r => r));
        var listed = Assert.Single(await store.ListAsync("tenant/with/slash", CancellationToken.None));
        Assert.Equal("a:1", listed.Reference.Conversation!.Id);
        await store.SaveAsync(reference with { IsActive = false }, CancellationToken.None);
        Assert.True(await store.SaveAsync(reference, CancellationToken.None));
    }

    [Fact]
    public async Task Adding_a_reference_stores_it_only_when_none_is_stored_and_returns_the_one_that_stands()
    {
        var store = new TableConversationReferenceStore(_tables, TimeProvider.System);
        var tenant = "tenant-" + Guid.NewGuid().ToString("N");
        var owner = "user:" + Guid.NewGuid();
        StoredConversationReference Chat(string id) => new(tenant, owner, new ConversationReference
        {
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            Conversation = new ConversationAccount { Id = id, TenantId = tenant },
        }, true, DateTimeOffset.UtcNow);

        var first = await store.AddAsync(Chat("a:installed"), CancellationToken.None);
        var second = await store.AddAsync(Chat("a:opened"), CancellationToken.None);
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => store.AddAsync(Chat("a:racing" + i), CancellationToken.None)));

        Assert.Equal("a:installed", first.Reference.Conversation!.Id);
        Assert.Equal("a:installed", second.Reference.Conversation!.Id);
        Assert.All(racing, r => Assert.Equal("a:installed", r.Reference.Conversation!.Id));
        Assert.Equal("a:installed", (await store.GetAsync(tenant, owner, CancellationToken.None))!.Reference.Conversation!.Id);
    }
}
