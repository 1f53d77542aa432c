using System.Globalization;
using System.Resources;

namespace BillingBot.App.Resources;

/// <summary>
/// The texts of hand-offs to a person in one language, from HandoffTexts.resx and HandoffTexts.pl.resx: the request card
/// and notices in the agents' channel, and what the customer is told. A missing text throws rather than show a key.
/// </summary>
public sealed class HandoffTexts : TextCatalog
{
    private static readonly ResourceManager Manager = new("BillingBot.App.Resources.HandoffTexts", typeof(HandoffTexts).Assembly);

    private HandoffTexts(CultureInfo culture)
        : base(Manager, culture)
    {
    }

    public static HandoffTexts For(CultureInfo culture) => new(culture);
}
