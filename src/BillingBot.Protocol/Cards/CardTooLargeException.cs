namespace BillingBot.Protocol.Cards;

/// <summary>A card's JSON is over the size Teams accepts; the caller can retry with less content (fewer rows).</summary>
public sealed class CardTooLargeException(int sizeInBytes, int maxSizeInBytes)
    : Exception($"The card is {sizeInBytes} bytes of JSON; at most {maxSizeInBytes} are allowed.")
{
    /// <summary>The UTF-8 size of the card's JSON.</summary>
    public int SizeInBytes { get; } = sizeInBytes;

    /// <summary>The limit it broke (<see cref="AdaptiveCardOptions.MaxCardSizeInBytes"/>).</summary>
    public int MaxSizeInBytes { get; } = maxSizeInBytes;
}
