using BillingBot.Billing.Customers;
using BillingBot.Billing.Understanding;

namespace BillingBot.Billing.Reminders;

/// <summary>Who at a customer may get reminders, and in which language each of them reads them.</summary>
internal static class ReminderAudience
{
    /// <summary>
    /// The billing contacts who may see amounts (Primary, then Billing, each by object id), each in the language of
    /// their latest preference, else the customer's locale language; the bot writes only Polish and English, so any
    /// other locale reads English.
    /// </summary>
    public static IReadOnlyList<ReminderRecipient> Of(Customer customer, IReadOnlyList<ReminderPreference> preferences)
    {
        var customerLanguage = Languages.FromLocale(customer.Locale) ?? Languages.English;
        return [.. customer.Contacts
            .Where(c => c.CanSeeAmounts)
            .OrderBy(c => c.Role)
            .ThenBy(c => c.ObjectId, StringComparer.OrdinalIgnoreCase)
            .Select(c => new ReminderRecipient(c.ObjectId, LanguageOf(c.ObjectId, customer.TenantId, preferences) ?? customerLanguage))];
    }

    private static string? LanguageOf(string objectId, string tenantId, IReadOnlyList<ReminderPreference> preferences) =>
        preferences
            .Where(p => SameId(p.ObjectId, objectId) && SameId(p.TenantId, tenantId))
            .OrderByDescending(p => p.UpdatedAt)
            .Select(p => Languages.FromLocale(p.Language))
            .FirstOrDefault();

    public static bool SameId(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
