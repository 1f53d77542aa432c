using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BillingBot.App.Conversations.Actions;
using BillingBot.Billing.Reminders;

namespace BillingBot.App.Reminders.Cards;

/// <summary>
/// What a reminder card's buttons carry back: the reminder (invoice, stage, language). Never the tenant: that comes
/// from the invoke's conversation, so a forged button cannot reach another tenant's invoice.
/// </summary>
public sealed record ReminderCardData(
    [property: JsonPropertyName("invoice")] string? Invoice,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("lang")] string Language)
{
    public static ReminderCardData Of(PlannedReminder reminder, string language) => new(
        reminder.InvoiceNumber,
        reminder.Kind.ToString(),
        reminder.StageKey,
        reminder.DayOffset,
        reminder.StageDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        language);

    /// <summary>The data of an invoke, or null when it is missing or malformed.</summary>
    public static ReminderCardData? From(CardActionInvoke action)
    {
        if (action.Data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            var data = action.Data.Deserialize<ReminderCardData>();
            return data is not null && Enum.TryParse<ReminderKind>(data.Kind, out _) && DateOnly.TryParseExact(data.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? data
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The reminder this card was sent for, with this tenant and recipient.</summary>
    public PlannedReminder ToReminder(string tenantId, string recipientObjectId) => new(
        tenantId,
        Invoice,
        Enum.Parse<ReminderKind>(Kind),
        Offset,
        DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Stage,
        [new ReminderRecipient(recipientObjectId, Language)]);
}
