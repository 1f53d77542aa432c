using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;
using Moq;

namespace BillingBot.Protocol.Tests.State;

public class BotStateTests
{
    private sealed record Preferences(string Language, int Reminders);

    private sealed class Counter
    {
        public int Turns { get; set; }
    }

    [Fact]
    public async Task State_is_read_once_per_turn_and_written_once_at_its_end()
    {
        var storage = new Mock<IStorage>();
        storage.Setup(s => s.ReadAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, StoreItem>());
        storage.Setup(s => s.WriteAsync(It.IsAny<IReadOnlyDictionary<string, StoreItem>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyDictionary<string, StoreItem> changes, CancellationToken _) => changes.ToDictionary(c => c.Key, _ => "etag-1"));
        var state = new ConversationState(storage.Object);
        var counter = state.CreateProperty<Counter>("counter");
        var prefs = state.CreateProperty<Preferences>("prefs");
        var turn = NewTurn();

        var middleware = new AutoSaveStateMiddleware(state);
        await middleware.OnTurnAsync(turn, async ct =>
        {
            (await counter.GetAsync(turn, () => new Counter(), ct))!.Turns++;
            (await counter.GetAsync(turn, () => new Counter(), ct))!.Turns++;
            await prefs.SetAsync(turn, new Preferences("pl", 2), ct);
            await prefs.GetAsync(turn, null, ct);
        }, CancellationToken.None);

        storage.Verify(s => s.ReadAsync(It.Is<IReadOnlyCollection<string>>(k => k.Single() == "msteams/conversations/a:1"), It.IsAny<CancellationToken>()), Times.Once);
        storage.Verify(s => s.WriteAsync(It.Is<IReadOnlyDictionary<string, StoreItem>>(c =>
            c["msteams/conversations/a:1"].ETag == null &&
            c["msteams/conversations/a:1"].Json.Contains("\"turns\":2") &&
            c["msteams/conversations/a:1"].Json.Contains("\"language\":\"pl\"")), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_turn_that_changes_nothing_writes_nothing()
    {
        var storage = new MemoryStorage();
        var state = new UserState(storage);
        var prefs = state.CreateProperty<Preferences>("prefs");
        var first = NewTurn();
        await prefs.SetAsync(first, new Preferences("en", 1), CancellationToken.None);
        await state.SaveChangesAsync(first, false, CancellationToken.None);
        var etag = (await storage.ReadAsync(["msteams/users/29:user"], CancellationToken.None)).Single().Value.ETag;

        var second = NewTurn();
        Assert.Equal(new Preferences("en", 1), await prefs.GetAsync(second, null, CancellationToken.None));
        await state.SaveChangesAsync(second, false, CancellationToken.None);

        Assert.Equal(etag, (await storage.ReadAsync(["msteams/users/29:user"], CancellationToken.None)).Single().Value.ETag);
    }

    [Fact]
    public async Task Two_turns_that_read_the_same_state_cannot_both_save_it()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var counter = state.CreateProperty<Counter>("counter");
        var seed = NewTurn();
        await counter.SetAsync(seed, new Counter { Turns = 1 }, CancellationToken.None);
        await state.SaveChangesAsync(seed, false, CancellationToken.None);

        var a = NewTurn();
        var b = NewTurn();
        (await counter.GetAsync(a, null, CancellationToken.None))!.Turns++;
        (await counter.GetAsync(b, null, CancellationToken.None))!.Turns += 10;
        await state.SaveChangesAsync(a, false, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => state.SaveChangesAsync(b, false, CancellationToken.None));
        var check = NewTurn();
        Assert.Equal(2, (await counter.GetAsync(check, null, CancellationToken.None))!.Turns);
    }

    [Fact]
    public async Task Two_turns_that_both_create_the_state_cannot_both_save_it()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var counter = state.CreateProperty<Counter>("counter");
        var a = NewTurn();
        var b = NewTurn();
        await counter.SetAsync(a, new Counter { Turns = 1 }, CancellationToken.None);
        await counter.SetAsync(b, new Counter { Turns = 5 }, CancellationToken.None);

        await state.SaveChangesAsync(a, false, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => state.SaveChangesAsync(b, false, CancellationToken.None));
    }

    [Fact]
    public async Task A_deleted_property_is_gone_after_the_save()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var counter = state.CreateProperty<Counter>("counter");
        var first = NewTurn();
        await counter.SetAsync(first, new Counter { Turns = 3 }, CancellationToken.None);
        await state.SaveChangesAsync(first, false, CancellationToken.None);

        var second = NewTurn();
        await counter.DeleteAsync(second, CancellationToken.None);
        await state.SaveChangesAsync(second, false, CancellationToken.None);

        Assert.Null(await counter.GetAsync(NewTurn(), null, CancellationToken.None));
    }

    private static ITurnContext NewTurn()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = "a:1" },
            From = new ChannelAccount("29:user"),
        };
        var turn = new Mock<ITurnContext>();
        turn.SetupGet(t => t.Activity).Returns(activity);
        turn.SetupGet(t => t.TurnState).Returns(new Dictionary<string, object>());
        return turn.Object;
    }
}
