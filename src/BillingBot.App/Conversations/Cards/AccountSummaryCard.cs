using BillingBot.Billing;
using BillingBot.Billing.Collections;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Conversations.Cards;

/// <summary>The account at a glance: total due, overdue, the next due date and the last six invoices.</summary>
public static class AccountSummaryCard
{
    public const int RecentInvoices = 6;

    public static AdaptiveCard Build(AccountStanding standing, CardContext context)
    {
        var f = context.Format;
        var t = f.Texts;
        var next = standing.NextDue;
        var facts = new List<AdaptiveFact>();
        if (context.ShowAmounts)
        {
            facts.Add(new(t["Card_TotalDue"], Amounts(standing.TotalDue, f)));
            facts.Add(new(t["Card_Overdue"], Amounts(standing.OverdueTotal, f)));
        }

        facts.Add(new(t["Card_NextDue"], next is null ? t["Card_NoneDue"] : $"{f.Date(next.DueDate)} ({next.Number})"));

        var body = new List<AdaptiveElement>
        {
            CardParts.Title(t.Format("Card_AccountTitle", context.PartnerName)),
            new AdaptiveFactSet { Facts = facts },
        };
        if (!context.ShowAmounts)
        {
            body.Add(CardParts.Text(t["AmountsHidden"], subtle: true));
        }

        if (standing.MostUrgent is { } urgent)
        {
            var warning = CardParts.SuspensionWarning(urgent, context);
            body.Add(warning with { Text = urgent.Number + ": " + warning.Text });
        }

        if (standing.Invoices.Count > 0)
        {
            body.Add(CardParts.Heading(t["Card_LastInvoices"]));
            body.Add(InvoiceTable.Build(standing.Invoices.Take(RecentInvoices), context));
        }

        var actions = new List<AdaptiveAction> { CardParts.Submit(t["Card_AllInvoices"], new BillingCardAction(BillingCardAction.ListInvoices)) };
        if (standing.Unpaid.Count > 0)
        {
            actions.Add(CardParts.Submit(t["Card_HowToPay"], new BillingCardAction(BillingCardAction.HowToPay, next?.Number ?? standing.Unpaid[0].Number)));
        }

        var fallback = context.ShowAmounts && standing.TotalDue.Count > 0
            ? t.Format("BalanceSummary", Amounts(standing.TotalDue, f), Amounts(standing.OverdueTotal, f))
            : t.Format("Card_AccountTitle", context.PartnerName);
        return CardParts.Card(body, actions, fallback, f.Culture.TwoLetterISOLanguageName);
    }

    /// <summary>Amounts per currency, or a zero in the customer's currency when nothing is owed.</summary>
    internal static string Amounts(IReadOnlyList<Money> amounts, BillingFormat format) =>
        amounts.Count == 0 ? format.Texts["Card_NoneDue"] : string.Join(" + ", amounts.Select(format.Money));
}
