using System.Globalization;
using System.Resources;

namespace BillingBot.App.Resources;

/// <summary>The texts of reminder cards and reminder preferences, from ReminderCardTexts.resx and ReminderCardTexts.pl.resx.</summary>
public sealed class ReminderCardTexts : TextCatalog
{
    private static readonly ResourceManager Manager = new("BillingBot.App.Resources.ReminderCardTexts", typeof(ReminderCardTexts).Assembly);

    private ReminderCardTexts(CultureInfo culture)
        : base(Manager, culture)
    {
    }

    public static ReminderCardTexts For(CultureInfo culture) => new(culture);
}
