using BillingBot.App.Conversations.Cards;
using BillingBot.Billing.Customers;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Suspensions.Cards;

/// <summary>What a customer's billing contacts are told when access comes back after payment, in the customer's language.</summary>
public static class RestoredNoticeCard
{
    public static AdaptiveCard Build(Customer customer, CustomerNoticeContext context, SuspensionFormat format)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(format);
        var t = format.Texts;
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = t["Customer_RestoredTitle"], Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Color = AdaptiveTextColor.Good, Wrap = true },
            CardParts.Text(t.Format("Customer_RestoredText", context.PartnerName, MarkdownText.Escape(customer.Name))),
            CardParts.Text(t.Format("Customer_RestoredQuestions", SuspendedNoticeCard.Contacts(context)), subtle: true),
        };
        return CardParts.Card(body, null, t["Customer_RestoredTitle"], format.Language);
    }
}
