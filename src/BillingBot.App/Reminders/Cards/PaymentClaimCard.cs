using BillingBot.App.Conversations;
using BillingBot.App.Resources;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Reminders.Cards;

/// <summary>
/// A customer's "I've paid", posted in the partner's agents' channel for a billing admin to confirm or reject. The
/// channel is the partner's own, so the amount is shown.
/// </summary>
public static class PaymentClaimCard
{
    public const string Confirm = "payment.confirm";
    public const string Reject = "payment.reject";

    public static AdaptiveCard Build(PaymentClaim claim, Customer customer, Invoice invoice, CollectionPolicy policy, System.Globalization.CultureInfo culture, string? decidedBy = null, DateOnly? decidedOn = null)
    {
        var t = ReminderCardTexts.For(culture);
        var f = new BillingFormat(BillingTexts.For(culture));
        var claimedOn = customer.LocalDate(claim.ClaimedAt);
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = t.Format("Claim_Title", invoice.Number), Size = AdaptiveTextSize.Medium, Weight = AdaptiveTextWeight.Bolder, Wrap = true },
            new AdaptiveFactSet
            {
                Facts =
                [
                    new(t["Claim_Customer"], MarkdownText.Escape(customer.Name)),
                    new(t["Claim_By"], MarkdownText.Escape(customer.FindContact(claim.ByObjectId)?.Name ?? claim.ByObjectId)),
                    new(t["Claim_On"], f.Date(claimedOn)),
                    new(t["Fact_Outstanding"], f.Money(invoice.Outstanding)),
                    new(t["Fact_Due"], f.Date(invoice.DueDate)),
                ],
            },
        };
        var decided = claim.Status switch
        {
            PaymentClaimStatus.Confirmed => t.Format("Claim_Confirmed", MarkdownText.Escape(decidedBy), decidedOn is { } d ? f.Date(d) : string.Empty),
            PaymentClaimStatus.Rejected => t.Format("Claim_Rejected", MarkdownText.Escape(decidedBy), decidedOn is { } r ? f.Date(r) : string.Empty),
            _ => null,
        };
        body.Add(new AdaptiveTextBlock
        {
            Text = decided ?? t.Format("Claim_Pause", f.Date(policy.PaymentClaimPauseEnd(claimedOn))),
            Wrap = true,
            Color = claim.Status == PaymentClaimStatus.Confirmed ? AdaptiveTextColor.Good : claim.Status == PaymentClaimStatus.Rejected ? AdaptiveTextColor.Warning : null,
        });

        var data = new PaymentClaimCardData(claim.TenantId, claim.InvoiceNumber, claim.ByObjectId);
        return new AdaptiveCard
        {
            Body = body,
            Actions = claim.Status == PaymentClaimStatus.Pending
                ? [new AdaptiveExecuteAction { Title = t["Claim_Confirm"], Verb = Confirm, Data = data, Style = AdaptiveActionStyle.Positive }, new AdaptiveExecuteAction { Title = t["Claim_Reject"], Verb = Reject, Data = data }]
                : null,
            FallbackText = t.Format("Claim_Title", invoice.Number),
            Lang = culture.TwoLetterISOLanguageName,
            MsTeams = new TeamsCardProperties { Width = TeamsCardWidth.Full },
        };
    }
}
