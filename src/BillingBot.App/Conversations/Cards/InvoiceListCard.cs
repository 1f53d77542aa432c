using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Conversations.Cards;

/// <summary>The customer's invoices, newest first, each a tap away from its status card.</summary>
public static class InvoiceListCard
{
    public static AdaptiveCard Build(IReadOnlyList<Invoice> invoices, int limit, CardContext context)
    {
        var f = context.Format;
        var t = f.Texts;
        var shown = invoices.Take(limit).ToList();
        var body = new List<AdaptiveElement> { CardParts.Title(t["Card_InvoicesTitle"]) };
        if (shown.Count == 0)
        {
            body.Add(CardParts.Text(t["NoInvoices"]));
        }
        else
        {
            body.Add(InvoiceTable.Build(shown, context));
        }

        if (invoices.Count > shown.Count)
        {
            body.Add(CardParts.Text(t.Format("Card_InvoicesMore", shown.Count, invoices.Count), subtle: true));
        }

        if (!context.ShowAmounts && shown.Count > 0)
        {
            body.Add(CardParts.Text(t["AmountsHidden"], subtle: true));
        }

        return CardParts.Card(body, null, t["Card_InvoicesTitle"], f.Culture.TwoLetterISOLanguageName);
    }
}
