namespace BillingBot.Protocol.Turns;

/// <summary>Limits of the inbound endpoint.</summary>
public sealed class BotAdapterOptions
{
    /// <summary>Larger bodies are refused with 413 before they are parsed.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// The most an activity's addressing (its conversation reference: ids, names, conversation, service URL, locale)
    /// may take as JSON; more is refused with 400. Teams' own are well under 1 KB, and a reference is kept in one
    /// storage property, which holds 64 KB.
    /// </summary>
    public int MaxAddressingBytes { get; set; } = 8 * 1024;
}
