using System.Globalization;
using System.Resources;

namespace BillingBot.App.Resources;

/// <summary>
/// The texts of sales leads and the touchpoint summary in one language, from SalesTexts.resx and SalesTexts.pl.resx:
/// what the customer is told, the lead card in the sales channel and the staff's summary card.
/// </summary>
public sealed class SalesTexts : TextCatalog
{
    private static readonly ResourceManager Manager = new("BillingBot.App.Resources.SalesTexts", typeof(SalesTexts).Assembly);

    private SalesTexts(CultureInfo culture)
        : base(Manager, culture)
    {
    }

    public static SalesTexts For(CultureInfo culture) => new(culture);
}
