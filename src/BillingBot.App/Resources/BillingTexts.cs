using System.Globalization;
using System.Resources;

namespace BillingBot.App.Resources;

/// <summary>The texts of the billing conversations, from BillingTexts.resx and BillingTexts.pl.resx.</summary>
public sealed class BillingTexts : TextCatalog
{
    private static readonly ResourceManager Manager = new("BillingBot.App.Resources.BillingTexts", typeof(BillingTexts).Assembly);

    private BillingTexts(CultureInfo culture)
        : base(Manager, culture)
    {
    }

    public static BillingTexts For(CultureInfo culture) => new(culture);
}
