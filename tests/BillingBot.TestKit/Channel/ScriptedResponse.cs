namespace BillingBot.TestKit.Channel;

/// <summary>
/// What the next request gets instead of the normal answer: a fixed status, a delay before the
/// normal answer, or no answer at all until the request is aborted.
/// </summary>
internal sealed record ScriptedResponse(int? Status, string? Body, TimeSpan? RetryAfter, TimeSpan? Delay, bool Hang);
