using System.Globalization;
using System.Resources;

namespace BillingBot.App.Resources;

/// <summary>The texts of reminder cards and reminder preferences, from ReminderTexts.resx and ReminderTexts.pl.resx.</summary>
public sealed class ReminderTexts : TextCatalog
{
    private static readonly ResourceManager Manager = new("BillingBot.App.Resources.ReminderTexts", typeof(ReminderTexts).Assembly);

    private ReminderTexts(CultureInfo culture)
        : base(Manager, culture)
    {
    }

    public static ReminderTexts For(CultureInfo culture) => new(culture);
}
