using System.ComponentModel.DataAnnotations;

namespace BillingBot.Protocol.Cards;

/// <summary>Limits applied when a card is turned into an attachment.</summary>
public sealed class AdaptiveCardOptions
{
    /// <summary>28 KB: Teams refuses a whole message over about 28 KB (413 MessageSizeTooBig), card included.</summary>
    public const int DefaultMaxCardSizeInBytes = 28 * 1024;

    /// <summary>The largest UTF-8 JSON of a card that may be sent. Leave room for the activity around it.</summary>
    [Range(1, int.MaxValue)]
    public int MaxCardSizeInBytes { get; set; } = DefaultMaxCardSizeInBytes;
}
