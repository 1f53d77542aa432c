using System.Globalization;
using System.Resources;

namespace BillingBot.App.Resources;

/// <summary>
/// The texts of tickets in one language, from TicketTexts.resx and TicketTexts.pl.resx: the ticket conversation with the
/// customer, the notices the customer gets, and the ticket card in the agents' channel. A missing text throws rather
/// than show a key.
/// </summary>
public sealed class TicketTexts : TextCatalog
{
    private static readonly ResourceManager Manager = new("BillingBot.App.Resources.TicketTexts", typeof(TicketTexts).Assembly);

    private TicketTexts(CultureInfo culture)
        : base(Manager, culture)
    {
    }

    public static TicketTexts For(CultureInfo culture) => new(culture);
}
