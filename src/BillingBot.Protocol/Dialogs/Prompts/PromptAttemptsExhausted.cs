namespace BillingBot.Protocol.Dialogs;

/// <summary>
/// The result of a prompt that ran out of <see cref="PromptOptions.MaxAttempts"/>: the caller's next step finds it
/// in <see cref="WaterfallStepContext.Result"/> (test with <c>is PromptAttemptsExhausted</c>) and can hand over,
/// offer help or end.
/// </summary>
public sealed record PromptAttemptsExhausted(string PromptId, int Attempts);
