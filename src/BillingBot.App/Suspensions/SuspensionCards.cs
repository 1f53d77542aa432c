using BillingBot.App.Bot;
using BillingBot.App.Configuration;
using BillingBot.App.Suspensions.Cards;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Support;
using BillingBot.Billing.Suspensions;
using BillingBot.Protocol.Cards;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Suspensions;

/// <summary>
/// Builds the suspension cards from what is stored now: the approval card (in the agents' language and the support
/// desk's time zone) and the customer notices (in the customer's language).
/// </summary>
public sealed class SuspensionCards(
    IInvoiceRepository invoices,
    IReminderHistory history,
    IStaffDirectory staff,
    CollectionPolicy policy,
    SupportOffer support,
    IOptions<PaymentOptions> payments,
    IOptions<BotOptions> bot,
    IOptions<AgentsChannelOptions> agents,
    TimeProvider time)
{
    /// <summary>Teams refreshes a card on its own for at most 60 users.</summary>
    private const int MaxRefreshUsers = 60;

    public SuspensionFormat AgentsFormat => new(agents.Value.Culture, support.Hours.TimeZone);

    public SuspensionFormat CustomerFormat(Customer customer) =>
        new(BotCulture.FromLocale(customer.Locale), TimeZoneInfo.FindSystemTimeZoneById(customer.TimeZoneId));

    /// <summary>The approval card as the case stands now; with Approve and Postpone when asked for and the case awaits a decision.</summary>
    public async Task<AdaptiveCard> ApprovalAsync(SuspensionCase suspension, Customer customer, bool withActions, CancellationToken cancellationToken)
    {
        var today = customer.LocalDate(time.GetUtcNow());
        var all = await invoices.ListForCustomerAsync(customer.TenantId, cancellationToken).ConfigureAwait(false);
        var overdue = AccountStanding.On(today, all, policy).Overdue;
        var numbers = overdue.Select(i => i.Number).Concat(suspension.InvoiceNumbers).Distinct(StringComparer.Ordinal).Take(ApprovalCard.MaxInvoices);
        var sent = await Task.WhenAll(numbers.Select(n => history.ForInvoiceAsync(customer.TenantId, n, cancellationToken))).ConfigureAwait(false);
        var admins = await staff.WithRoleAsync(StaffRole.BillingAdmin, cancellationToken).ConfigureAwait(false);
        var view = new ApprovalView(customer, suspension, overdue, [.. sent.SelectMany(s => s)], today, policy, withActions,
            [.. admins.Select(a => a.ObjectId).Take(MaxRefreshUsers)]);
        return ApprovalCard.Build(view, AgentsFormat);
    }

    public AdaptiveCard Suspended(Customer customer, IReadOnlyList<Invoice> overdue) =>
        SuspendedNoticeCard.Build(customer, overdue, NoticeContext, CustomerFormat(customer));

    public AdaptiveCard Restored(Customer customer) => RestoredNoticeCard.Build(customer, NoticeContext, CustomerFormat(customer));

    private CustomerNoticeContext NoticeContext => new(bot.Value.PartnerName, payments.Value, support.Contacts, policy.SuspensionAfterDays);
}
