using BillingBot.Protocol.Dialogs;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;
using BillingBot.TestKit.Dialogs;

namespace BillingBot.Protocol.Tests.Dialogs;

/// <summary>
/// A bot the way a real one runs dialogs: one dialog set for its lifetime, the stack in conversation state over
/// storage (so every turn reads JSON that the previous one wrote), saved by the auto-save middleware.
/// </summary>
internal sealed class DialogHarness
{
    public const string StartedOver = "Sorry, I lost track of our conversation. Let's start again.";
    public const string StateProperty = "DialogState";

    public DialogHarness(params Dialog[] dialogs)
        : this(new MemoryStorage(), dialogs)
    {
    }

    public DialogHarness(MemoryStorage storage, params Dialog[] dialogs)
    {
        Storage = storage;
        ConversationState = new ConversationState(storage);
        DialogState = ConversationState.CreateProperty<DialogState>(StateProperty);
        Dialogs = new DialogSet(DialogState);
        foreach (var dialog in dialogs)
        {
            Dialogs.Add(dialog);
        }
    }

    public MemoryStorage Storage { get; }

    public ConversationState ConversationState { get; }

    public IStatePropertyAccessor<DialogState> DialogState { get; }

    public DialogSet Dialogs { get; }

    public TestAdapter Adapter(string locale = "en-US", string channelId = "msteams", string? localTimezone = null) =>
        new(new AutoSaveStateMiddleware(ConversationState)) { Locale = locale, ChannelId = channelId, LocalTimezone = localTimezone };

    /// <summary>
    /// Continues the stack, begins <paramref name="rootId"/> when it is empty, apologises and begins again when it was
    /// reset, and reports a root dialog that ended to <paramref name="onEnd"/>.
    /// </summary>
    public BotCallbackHandler Run(string rootId, object? options = null, Func<ITurnContext, DialogTurnResult, CancellationToken, Task>? onEnd = null) =>
        async (turn, ct) =>
        {
            var dc = await Dialogs.CreateContextAsync(turn, ct);
            var result = await dc.ContinueDialogAsync(ct);
            if (result.Status == DialogTurnStatus.Reset)
            {
                LastReset = result.Result as DialogStackReset;
                await turn.SendActivityAsync(StartedOver, ct);
                result = await dc.BeginDialogAsync(rootId, options, ct);
            }
            else if (result.Status == DialogTurnStatus.Empty)
            {
                result = await dc.BeginDialogAsync(rootId, options, ct);
            }

            if (result.Status is DialogTurnStatus.Complete or DialogTurnStatus.Cancelled && onEnd is not null)
            {
                await onEnd(turn, result, ct);
            }
        };

    /// <summary>What the last reset found.</summary>
    public DialogStackReset? LastReset { get; private set; }

    /// <summary>The stored conversation state document of the test adapter's conversation.</summary>
    public async Task<string?> StoredJsonAsync(TestAdapter adapter)
    {
        var key = $"{adapter.ChannelId}/conversations/{adapter.ConversationId}";
        var items = await Storage.ReadAsync([key], CancellationToken.None);
        return items.TryGetValue(key, out var item) ? item.Json : null;
    }

    public static Activity Message(string text) => ActivityExtensions.CreateMessage(text);
}
