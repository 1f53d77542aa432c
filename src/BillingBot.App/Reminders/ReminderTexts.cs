using System.Globalization;
using System.Resources;
using BillingBot.App.Resources;

namespace BillingBot.App.Reminders;

/// <summary>
/// The texts of the plain reminders and of the billing team's notices, in English and Polish, from ReminderTexts.resx
/// and ReminderTexts.pl.resx. A missing text is a bug, so it throws rather than showing a key.
/// </summary>
public sealed class ReminderTexts : TextCatalog
{
    private static readonly ResourceManager Manager = new("BillingBot.App.Reminders.ReminderTexts", typeof(ReminderTexts).Assembly);

    private ReminderTexts(CultureInfo culture)
        : base(Manager, culture)
    {
    }

    /// <summary>The texts for a language ("pl" or "en"); any other language gets English.</summary>
    public static ReminderTexts For(string? language) =>
        new(CultureInfo.GetCultureInfo(string.Equals(language, "pl", StringComparison.OrdinalIgnoreCase) ? "pl-PL" : "en-GB"));

    /// <summary>A calendar date as people of this language write it (25.11.2026, 25/11/2026).</summary>
    public string Date(DateOnly date) => date.ToString("d", Culture);
}
