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

    /// <summary>
    /// The most an activity's addressing may take as JSON: its conversation reference (ids, names, conversation,
    /// service URL, locale) and its channelData (tenant, team, channel); more is refused with 400. Teams' own are well
    /// under 2 KB, and what a turn keeps of them (a reference, a channel id) goes into one storage property of 64 KB.
    /// </summary>
    public int MaxAddressingBytes { get; set; } = 16 * 1024;
}
