namespace BillingBot.Billing.Handoff;

/// <summary>One message of a hand-off's transcript: who wrote it, the text as written, and when.</summary>
/// <param name="Who">The customer, the agent or the bot.</param>
/// <param name="Text">The message text as the writer sent it.</param>
/// <param name="At">When it was sent.</param>
/// <param name="Name">The writer's display name when known (the agent's, above all).</param>
public sealed record TranscriptEntry(HandoffParty Who, string Text, DateTimeOffset At, string? Name = null)
{
    public string Text { get; } = Text ?? throw new ArgumentNullException(nameof(Text));

    public HandoffParty Who { get; } = Guard.Defined(Who, nameof(Who));
}
