using System.Globalization;
using System.Resources;

namespace BillingBot.App.Resources;

/// <summary>
/// The texts of suspensions in one language, from SuspensionTexts.resx and SuspensionTexts.pl.resx: the approval card
/// and notices in the agents' channel, and what the customer is told. A missing text throws rather than show a key.
/// </summary>
public sealed class SuspensionTexts : TextCatalog
{
    private static readonly ResourceManager Manager = new("BillingBot.App.Resources.SuspensionTexts", typeof(SuspensionTexts).Assembly);

    private SuspensionTexts(CultureInfo culture)
        : base(Manager, culture)
    {
    }

    public static SuspensionTexts For(CultureInfo culture) => new(culture);
}
