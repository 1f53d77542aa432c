using BillingBot.App.Conversations.Cards;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Suspensions.Cards;

/// <summary>
/// What a customer's billing contacts are told when access is suspended, in the customer's language: what happened,
/// which invoices (with amounts: billing contacts may see them), how to restore access (pay; access returns once the
/// payment is recorded) and how to reach support.
/// </summary>
public static class SuspendedNoticeCard
{
    public const int MaxInvoices = 10;

    public static AdaptiveCard Build(Customer customer, IReadOnlyList<Invoice> overdue, CustomerNoticeContext context, SuspensionFormat format)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(overdue);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var b = format.Billing;
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = t["Customer_SuspendedTitle"], Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Color = AdaptiveTextColor.Attention, Wrap = true },
            CardParts.Text(t.Format("Customer_SuspendedText", context.PartnerName, MarkdownText.Escape(customer.Name), b.Days(context.SuspensionAfterDays))),
        };
        if (overdue.Count > 0)
        {
            var rows = new List<AdaptiveTableRow>
            {
                new() { Cells = [CardParts.Cell(t["Column_Number"]), CardParts.Cell(t["Column_Due"]), CardParts.Cell(t["Column_Outstanding"])] },
            };
            rows.AddRange(overdue.Take(MaxInvoices).Select(i => new AdaptiveTableRow
            {
                Cells = [CardParts.Cell(i.Number), CardParts.Cell(b.ShortDate(i.DueDate)), CardParts.Cell(b.Money(i.Outstanding))],
            }));
            body.Add(new AdaptiveTable
            {
                Columns =
                [
                    new() { Width = AdaptiveTableColumnWidth.Weight(3) },
                    new() { Width = AdaptiveTableColumnWidth.Weight(2) },
                    new() { Width = AdaptiveTableColumnWidth.Weight(2), HorizontalCellContentAlignment = AdaptiveHorizontalAlignment.Right },
                ],
                Rows = rows,
                FirstRowAsHeader = true,
                ShowGridLines = false,
            });
            if (overdue.Count > MaxInvoices)
            {
                body.Add(CardParts.Text(t.Format("Invoices_More", overdue.Count - MaxInvoices), subtle: true));
            }

            var totals = overdue.GroupBy(i => i.Currency, StringComparer.Ordinal)
                .Select(g => g.Aggregate(Money.Zero(g.Key), (sum, i) => sum + i.Outstanding));
            body.Add(new AdaptiveFactSet { Facts = [new(t["Customer_Total"], string.Join(" + ", totals.Select(b.Money)))] });
        }

        body.Add(CardParts.Heading(t["Customer_HowToRestoreHeading"]));
        body.Add(CardParts.Text(t.Format("Customer_HowToRestore", context.Payments.BankName, context.Payments.AccountNumber)));
        body.Add(CardParts.Text(t.Format("Customer_Questions", Contacts(context)), subtle: true));

        var actions = new List<AdaptiveAction>();
        if (context.Payments.CardPaymentUrl is { } pay)
        {
            actions.Add(new AdaptiveOpenUrlAction { Title = t["Customer_PayByCard"], Url = pay });
        }

        return CardParts.Card(body, actions, t["Customer_SuspendedTitle"], format.Language);
    }

    internal static string Contacts(CustomerNoticeContext context) => string.Join(", ", context.SupportContacts.Select(c => c.Value));
}
