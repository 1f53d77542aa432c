namespace BillingBot.Protocol.Turns;

/// <summary>Limits of the inbound endpoint.</summary>
public sealed class BotAdapterOptions
{
    /// <summary>Larger bodies are refused with 413 before they are parsed.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;
}
