using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;
using Xunit;

namespace BillingBot.TestKit.Dialogs;

/// <summary>
/// A conversation transcript to play against a bot, in the Bot Framework style:
/// <c>new TestFlow(adapter, bot).Send("hi").AssertReply("Hello!").StartTestAsync()</c>. Each call returns a new flow
/// with one more step; nothing runs until <see cref="StartTestAsync"/>. Turns run to completion before the next
/// step, so replies are asserted without waiting.
/// </summary>
public sealed class TestFlow
{
    private readonly TestAdapter _adapter;
    private readonly BotCallbackHandler _callback;
    private readonly IReadOnlyList<Func<CancellationToken, Task>> _steps;

    public TestFlow(TestAdapter adapter, BotCallbackHandler callback)
        : this(adapter, callback, [])
    {
    }

    public TestFlow(TestAdapter adapter, IBot bot)
        : this(adapter, (bot ?? throw new ArgumentNullException(nameof(bot))).OnTurnAsync, [])
    {
    }

    private TestFlow(TestAdapter adapter, BotCallbackHandler callback, IReadOnlyList<Func<CancellationToken, Task>> steps)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(callback);
        _adapter = adapter;
        _callback = callback;
        _steps = steps;
    }

    /// <summary>The user sends a message.</summary>
    public TestFlow Send(string text) => Then(ct => _adapter.ProcessActivityAsync(_adapter.MakeActivity(text), _callback, ct));

    /// <summary>The user's client sends an activity; addressing left empty is filled in by the adapter.</summary>
    public TestFlow Send(Activity activity) => Then(ct => _adapter.ProcessActivityAsync(activity, _callback, ct));

    /// <summary>The next reply is a message with exactly this text.</summary>
    public TestFlow AssertReply(string expected, string? description = null) =>
        AssertReply(reply => Assert.Equal(expected, reply.Text), description ?? $"a reply '{expected}'");

    /// <summary>The next reply passes <paramref name="validate"/> (which asserts).</summary>
    public TestFlow AssertReply(Action<Activity> validate, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(validate);
        return Then(_ =>
        {
            var reply = _adapter.GetNextReply() ?? throw new Xunit.Sdk.XunitException($"Expected {description ?? "a reply"}, but the bot sent nothing more.");
            validate(reply);
            return Task.CompletedTask;
        });
    }

    /// <summary>The next reply's text is one of these.</summary>
    public TestFlow AssertReplyOneOf(params string[] candidates) =>
        AssertReply(reply => Assert.Contains(reply.Text, candidates), $"one of '{string.Join("', '", candidates)}'");

    /// <summary>The bot has sent nothing that was not asserted yet.</summary>
    public TestFlow AssertNoReply(string? description = null) => Then(_ =>
    {
        if (_adapter.GetNextReply() is { } extra)
        {
            throw new Xunit.Sdk.XunitException($"Expected no reply{(description is null ? string.Empty : " (" + description + ")")}, but the bot sent '{extra.Text}'.");
        }

        return Task.CompletedTask;
    });

    /// <summary>Send and assert the reply in one step.</summary>
    public TestFlow Test(string userSays, string expected) => Send(userSays).AssertReply(expected);

    /// <summary>Any check between steps (state in storage, a recorded call).</summary>
    public TestFlow Then(Func<CancellationToken, Task> step) => new(_adapter, _callback, [.. _steps, step]);

    /// <summary>Plays the transcript in order; the first failed assertion or turn exception fails the test.</summary>
    public async Task StartTestAsync(CancellationToken cancellationToken = default)
    {
        foreach (var step in _steps)
        {
            await step(cancellationToken).ConfigureAwait(false);
        }
    }
}
