using System.Globalization;
using System.Resources;

namespace BillingBot.App.Resources;

/// <summary>The texts of the staff desk in one language, from StaffTexts.resx and StaffTexts.pl.resx.</summary>
public sealed class StaffTexts : TextCatalog
{
    private static readonly ResourceManager Manager = new("BillingBot.App.Resources.StaffTexts", typeof(StaffTexts).Assembly);

    private StaffTexts(CultureInfo culture)
        : base(Manager, culture)
    {
    }

    public static StaffTexts For(CultureInfo culture) => new(culture);
}
