using System.Globalization;
using BillingBot.App.Conversations;
using BillingBot.App.Resources;

namespace BillingBot.App.Suspensions;

/// <summary>How suspension cards speak: their texts, money and dates in one language, and instants in one time zone.</summary>
public sealed class SuspensionFormat(CultureInfo culture, TimeZoneInfo timeZone)
{
    public SuspensionTexts Texts { get; } = SuspensionTexts.For(culture);

    /// <summary>Money, dates and day counts as the billing conversations write them.</summary>
    public BillingFormat Billing { get; } = new(BillingTexts.For(culture));

    public CultureInfo Culture => culture;

    /// <summary>The card language, "pl" or "en".</summary>
    public string Language => culture.TwoLetterISOLanguageName;

    /// <summary>An instant as a reader in the time zone says it: "25 November 2026, 10:15".</summary>
    public string Timestamp(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, timeZone);
        return Texts.Format("Timestamp", Billing.Date(DateOnly.FromDateTime(local.DateTime)), local.ToString("HH:mm", culture));
    }
}
