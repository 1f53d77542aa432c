namespace BillingBot.Protocol.Turns;

/// <summary>Limits of the inbound endpoint.</summary>
public sealed class BotAdapterOptions
{
    /// <summary>Larger bodies are refused with 413 before they are parsed.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Activities whose text is longer are refused with 413 before a turn runs. Teams caps a message at about 28 KB, so a
    /// longer text did not come from a Teams client, and understanding it would cost seconds of CPU for nothing.
    /// </summary>
    public int MaxTextLength { get; set; } = 40_000;
}
