using System.Globalization;

namespace BillingBot.Protocol.Cards;

/// <summary>The "50px" notation the schema uses for explicit sizes.</summary>
internal static class CardLengths
{
    public static string FormatPixels(int pixels) => pixels.ToString(CultureInfo.InvariantCulture) + "px";

    public static bool TryParsePixels(string? text, out int pixels)
    {
        pixels = 0;
        return text is not null
            && text.EndsWith("px", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text.AsSpan(0, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out pixels)
            && pixels > 0;
    }

    public static int RequirePositive(int value, string paramName) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(paramName, value, "Must be greater than zero.");
}
