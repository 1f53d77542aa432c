using System.Globalization;
using BillingBot.App.Conversations;
using BillingBot.App.Resources;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Touchpoints;
using BillingBot.Billing.Understanding;

namespace BillingBot.App.Sales;

/// <summary>
/// How the partner's staff are told about customers' touchpoints: the sales texts in one language, dates in the support
/// desk's time zone, and a label for every topic (an intent, a ticket category, a reminder kind).
/// </summary>
public sealed class SalesFormat(CultureInfo culture, TimeZoneInfo timeZone)
{
    public SalesTexts Texts { get; } = SalesTexts.For(culture);

    /// <summary>Dates and plan names as the billing conversations write them.</summary>
    public BillingFormat Billing { get; } = new(BillingTexts.For(culture));

    public CultureInfo Culture => culture;

    /// <summary>The card language, "pl" or "en".</summary>
    public string Language => culture.TwoLetterISOLanguageName;

    /// <summary>The calendar date of an instant where the staff are.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);

    public string Date(DateTimeOffset instant) => Billing.Date(LocalDate(instant));

    /// <summary>A topic in words; a topic this version does not know (written by a newer one) is shown as stored.</summary>
    public string Topic(TouchpointKind kind, string topic) => kind switch
    {
        TouchpointKind.Question or TouchpointKind.Handoff or TouchpointKind.SalesLead when Enum.TryParse<Intent>(topic, out var intent) && Enum.IsDefined(intent)
            => Billing.Texts["Intent_" + intent],
        TouchpointKind.Ticket when Enum.TryParse<TicketCategory>(topic, out var category) && Enum.IsDefined(category) => Category(category),
        TouchpointKind.Reminder when Enum.TryParse<ReminderKind>(topic, out var reminder) && Enum.IsDefined(reminder) => Texts["Reminder_" + reminder],
        _ => topic,
    };

    public string Category(TicketCategory category) => Texts["Category_" + category];

    public string Kind(TouchpointKind kind) => Texts["Kind_" + kind];

    public string Plan(SupportPlan plan) => Billing.Texts["Plan_" + plan];

    /// <summary>"pl" or "en" in words.</summary>
    public string LanguageName(string language) => Texts[language == Languages.Polish ? "Language_pl" : "Language_en"];

    /// <summary>Topics with their counts, most first (then alphabetically): "What I owe (3), My invoices (1)".</summary>
    public IReadOnlyList<(string Label, int Count)> ByTopic(IEnumerable<Touchpoint> touchpoints) =>
        [.. touchpoints.GroupBy(t => Topic(t.Kind, t.Topic), StringComparer.Ordinal)
            .Select(g => (Label: g.Key, Count: g.Count()))
            .OrderByDescending(x => x.Count)
            .ThenBy(x => x.Label, StringComparer.Create(culture, ignoreCase: true))];

    /// <summary>"label (count)".</summary>
    public string Counted(string label, int count) => Texts.Format("Count", label, count.ToString(culture));
}
