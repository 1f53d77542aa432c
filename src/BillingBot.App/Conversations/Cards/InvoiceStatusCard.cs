using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Conversations.Cards;

/// <summary>One invoice: its status in colour, dates, amounts for those who may see them, products, and what to do next.</summary>
public static class InvoiceStatusCard
{
    public static AdaptiveCard Build(Invoice invoice, CardContext context)
    {
        var f = context.Format;
        var t = f.Texts;
        var status = invoice.StatusOn(context.Today);
        var facts = new List<AdaptiveFact>
        {
            new(t["Card_Status"], CardParts.StatusText(f, status)),
            new(t["Card_Period"], f.ShortDate(invoice.Period.Start) + " – " + f.ShortDate(invoice.Period.End)),
            new(t["Card_Issued"], f.Date(invoice.IssueDate)),
            new(t["Card_Due"], f.Date(invoice.DueDate)),
        };
        if (context.ShowAmounts)
        {
            facts.Add(new(t["Card_Net"], f.Money(invoice.Net)));
            facts.Add(new(t["Card_Tax"], f.Money(invoice.Tax)));
            facts.Add(new(t["Card_Gross"], f.Money(invoice.Gross)));
            facts.Add(new(t["Card_Paid"], f.Money(invoice.AmountPaid)));
            facts.Add(new(t["Card_Outstanding"], f.Money(invoice.Outstanding)));
        }

        var body = new List<AdaptiveElement>
        {
            CardParts.Title(t.Format("Card_Invoice", invoice.Number)),
            new AdaptiveTextBlock { Text = CardParts.StatusText(f, status), Color = CardParts.StatusColor(status), Weight = AdaptiveTextWeight.Bolder, Spacing = AdaptiveSpacing.None, Wrap = true },
            new AdaptiveFactSet { Facts = facts },
        };
        if (invoice.Lines.Count > 0)
        {
            body.Add(CardParts.Heading(t["Card_Products"]));
            body.Add(ProductTable(invoice, context));
        }

        var unpaid = status is InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid or InvoiceStatus.Overdue;
        if (status == InvoiceStatus.Overdue)
        {
            body.Add(CardParts.SuspensionWarning(invoice, context));
        }

        var actions = new List<AdaptiveAction>();
        if (invoice.PdfUrl is { } pdf)
        {
            actions.Add(new AdaptiveOpenUrlAction { Title = t["Card_DownloadPdf"], Url = pdf });
        }

        if (unpaid)
        {
            actions.Add(CardParts.Submit(t["Card_HowToPay"], new BillingCardAction(BillingCardAction.HowToPay, invoice.Number)));
            actions.Add(CardParts.Submit(t["Card_WhatIfNotPaid"], new BillingCardAction(BillingCardAction.CollectionPolicy, invoice.Number)));
        }

        var fallback = t.Format("InvoiceStatusLine", invoice.Number, CardParts.StatusText(f, status));
        return CardParts.Card(body, actions, fallback, f.Culture.TwoLetterISOLanguageName);
    }

    private static AdaptiveTable ProductTable(Invoice invoice, CardContext context)
    {
        var f = context.Format;
        var t = f.Texts;
        var header = new List<AdaptiveTableCell> { CardParts.Cell(t["Card_Product"]), CardParts.Cell(t["Card_Quantity"]) };
        var columns = new List<AdaptiveTableColumnDefinition>
        {
            new() { Width = AdaptiveTableColumnWidth.Weight(4) },
            new() { Width = AdaptiveTableColumnWidth.Weight(1), HorizontalCellContentAlignment = AdaptiveHorizontalAlignment.Right },
        };
        if (context.ShowAmounts)
        {
            header.Add(CardParts.Cell(t["Card_Amount"]));
            columns.Add(new() { Width = AdaptiveTableColumnWidth.Weight(2), HorizontalCellContentAlignment = AdaptiveHorizontalAlignment.Right });
        }

        var rows = new List<AdaptiveTableRow> { new() { Cells = header } };
        foreach (var line in invoice.Lines)
        {
            var cells = new List<AdaptiveTableCell> { CardParts.Cell(MarkdownText.Escape(line.Product)), CardParts.Cell(line.Quantity.ToString("0.##", f.Culture)) };
            if (context.ShowAmounts)
            {
                cells.Add(CardParts.Cell(f.Money(line.Amount)));
            }

            rows.Add(new() { Cells = cells });
        }

        return new AdaptiveTable { Columns = columns, Rows = rows, FirstRowAsHeader = true, ShowGridLines = false };
    }
}
