using System.Globalization;
using BillingBot.App.Conversations;
using BillingBot.App.Resources;
using BillingBot.Billing.Escalations;

namespace BillingBot.App.Escalations;

/// <summary>How tickets speak: their texts and dates in one language, and instants in one time zone (the reader's).</summary>
public sealed class TicketFormat(CultureInfo culture, TimeZoneInfo timeZone)
{
    public TicketTexts Texts { get; } = TicketTexts.For(culture);

    /// <summary>Dates as the billing conversations write them.</summary>
    public BillingFormat Billing { get; } = new(BillingTexts.For(culture));

    public CultureInfo Culture => culture;

    public TimeZoneInfo TimeZone => timeZone;

    /// <summary>The card language, "pl" or "en".</summary>
    public string Language => culture.TwoLetterISOLanguageName;

    /// <summary>An instant as a reader in the time zone says it: "14 December 2026, 16:00".</summary>
    public string Timestamp(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, timeZone);
        return Texts.Format("Timestamp", Billing.Date(DateOnly.FromDateTime(local.DateTime)), local.ToString("HH:mm", culture));
    }

    public string Category(TicketCategory category) => Texts["Category_" + category];

    public string Severity(TicketSeverity severity) => Texts["Severity_" + severity];

    public string Route(MicrosoftSupportRoute route) => Texts["Route_" + route];

    /// <summary>The customer's word for a status ("Waiting for your answer").</summary>
    public string Status(TicketStatus status) => Texts["Status_" + status];

    /// <summary>A response target as "within 8 hours" / "w ciągu 8 godzin" (minutes when not whole hours).</summary>
    public string Within(TimeSpan target)
    {
        var hours = target.TotalHours;
        if (hours == Math.Floor(hours) && hours >= 1)
        {
            return hours == 1 ? Texts["Within_OneHour"] : Texts.Format("Within_Hours", (int)hours);
        }

        return Texts.Format("Within_Minutes", (int)Math.Ceiling(target.TotalMinutes));
    }

    /// <summary>A list of invoice numbers, or the word for none.</summary>
    public string Invoices(IReadOnlyList<string> numbers) => numbers.Count == 0 ? Texts["Invoices_None"] : string.Join(", ", numbers);
}
