namespace BillingBot.TestKit.Channel;

/// <summary>
/// A request the <see cref="FakeTeamsChannel"/> holds open: it is recorded, then left unanswered until the test
/// <see cref="Release"/>s it (it then gets its normal answer) or the client goes away (a killed process, a timeout).
/// <see cref="Arrived"/> is the signal that the sender is now waiting at exactly that request.
/// </summary>
public sealed class HeldRequest
{
    private readonly Func<ReceivedRequest, bool> _match;
    private readonly int _occurrence;
    private readonly TaskCompletionSource<ReceivedRequest> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<(int Status, string? Body)?> _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _seen;

    internal HeldRequest(Func<ReceivedRequest, bool> match, int occurrence, bool acceptedBeforeHolding)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(occurrence, 1);
        _match = match;
        _occurrence = occurrence;
        AcceptedBeforeHolding = acceptedBeforeHolding;
    }

    /// <summary>
    /// Whether the channel took the activity (it is in <see cref="FakeTeamsChannel.SentActivities"/>) before holding
    /// the answer: Teams delivered the message and the sender never heard so. Otherwise it is taken on release only.
    /// </summary>
    public bool AcceptedBeforeHolding { get; }

    /// <summary>Completes with the request once it has arrived and is being held.</summary>
    public Task<ReceivedRequest> Arrived => _arrived.Task;

    /// <summary>Completes once the held request is over: true when it was answered, false when the client went away first.</summary>
    public Task<bool> Ended => _ended.Task;

    /// <summary>Lets the held request go on to its normal answer.</summary>
    public void Release() => _released.TrySetResult(null);

    /// <summary>Answers the held request with this status and body instead; the activity is not taken (unless it was before holding).</summary>
    public void Answer(int status, string? body = null) => _released.TrySetResult((status, body));

    /// <summary>Completes when the test lets the request go: null for its normal answer, else the answer to give instead.</summary>
    internal Task<(int Status, string? Body)?> Released => _released.Task;

    /// <summary>Counts a request against the match; true for the one to hold. Called under the channel's lock.</summary>
    internal bool Takes(ReceivedRequest request) => _match(request) && ++_seen == _occurrence;

    internal void Hold(ReceivedRequest request) => _arrived.TrySetResult(request);

    internal void End(bool answered) => _ended.TrySetResult(answered);
}
