namespace BillingBot.Bench.Reminders;

/// <summary>What one sweep sent: the accepted messages, the 429s, and the time from its first send to its last.</summary>
internal sealed record Traffic(IReadOnlyList<AcceptedSend> Accepted, int Throttled, TimeSpan Window);
