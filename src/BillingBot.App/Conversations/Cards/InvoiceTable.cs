using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Conversations.Cards;

/// <summary>Invoices as table rows: number (tap to open), due date, amount for those who may see it, status.</summary>
internal static class InvoiceTable
{
    public static AdaptiveTable Build(IEnumerable<Invoice> invoices, CardContext context)
    {
        var f = context.Format;
        var t = f.Texts;
        var columns = new List<AdaptiveTableColumnDefinition> { new() { Width = AdaptiveTableColumnWidth.Weight(3) }, new() { Width = AdaptiveTableColumnWidth.Weight(2) } };
        var header = new List<AdaptiveTableCell> { CardParts.Cell(t["Card_Number"]), CardParts.Cell(t["Card_Due"]) };
        if (context.ShowAmounts)
        {
            columns.Add(new() { Width = AdaptiveTableColumnWidth.Weight(2), HorizontalCellContentAlignment = AdaptiveHorizontalAlignment.Right });
            header.Add(CardParts.Cell(t["Card_Gross"]));
        }

        columns.Add(new() { Width = AdaptiveTableColumnWidth.Weight(2) });
        header.Add(CardParts.Cell(t["Card_Status"]));

        var rows = new List<AdaptiveTableRow> { new() { Cells = header } };
        foreach (var invoice in invoices)
        {
            var status = invoice.StatusOn(context.Today);
            var number = new AdaptiveTableCell
            {
                Items = [new AdaptiveTextBlock { Text = invoice.Number, Color = AdaptiveTextColor.Accent, Wrap = true }],
                SelectAction = new AdaptiveSubmitAction { Title = t["Card_ShowInvoice"], Data = new BillingCardAction(BillingCardAction.ShowInvoice, invoice.Number) },
            };
            var cells = new List<AdaptiveTableCell> { number, CardParts.Cell(f.ShortDate(invoice.DueDate)) };
            if (context.ShowAmounts)
            {
                cells.Add(CardParts.Cell(f.Money(invoice.Gross)));
            }

            cells.Add(CardParts.Cell(CardParts.StatusText(f, status), CardParts.StatusColor(status)));
            rows.Add(new() { Cells = cells });
        }

        return new AdaptiveTable { Columns = columns, Rows = rows, FirstRowAsHeader = true, ShowGridLines = false };
    }
}
