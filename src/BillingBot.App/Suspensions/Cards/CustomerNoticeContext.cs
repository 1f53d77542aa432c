using BillingBot.App.Configuration;
using BillingBot.Billing.Support;

namespace BillingBot.App.Suspensions.Cards;

/// <summary>What the customer notices quote besides the invoices: who the partner is, where to pay and how to reach support.</summary>
public sealed record CustomerNoticeContext(string PartnerName, PaymentOptions Payments, IReadOnlyList<ContactMethod> SupportContacts, int SuspensionAfterDays);
