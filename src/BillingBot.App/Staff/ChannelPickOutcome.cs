namespace BillingBot.App.Staff;

/// <summary>The result of a pick, and the name of the person who picked (for the answer).</summary>
public sealed record ChannelPickOutcome(ChannelPickResult Result, string ByName);
