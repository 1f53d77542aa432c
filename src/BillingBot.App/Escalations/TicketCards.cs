using BillingBot.App.Bot;
using BillingBot.App.Escalations.Cards;
using BillingBot.App.Suspensions;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Support;
using BillingBot.Protocol.Cards;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Escalations;

/// <summary>
/// Builds the ticket cards from what is stored now: the agents' card (in the agents' language and the support desk's
/// time zone) and the customer's notices (in the language they opened the ticket in, in their own time zone).
/// </summary>
public sealed class TicketCards(
    IStaffDirectory staff,
    SupportOffer support,
    MicrosoftSupportEntitlements entitlements,
    IOptions<AgentsChannelOptions> agents,
    TimeProvider time)
{
    /// <summary>Teams refreshes a card on its own for at most 60 users.</summary>
    private const int MaxRefreshUsers = 60;

    public TicketFormat AgentsFormat => new(agents.Value.Culture, support.Hours.TimeZone);

    /// <summary>The customer's format: the ticket's language (else the customer's locale) and the customer's time zone.</summary>
    public static TicketFormat CustomerFormat(Ticket ticket, Customer? customer)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var culture = BotCulture.FromLocale(ticket.Language ?? customer?.Locale);
        var zone = customer is not null && TimeZoneInfo.TryFindSystemTimeZoneById(customer.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return new TicketFormat(culture, zone);
    }

    /// <summary>The agents' card as the ticket stands now; with the valid next steps when asked for.</summary>
    public async Task<AdaptiveCard> AgentsCardAsync(Ticket ticket, Customer? customer, bool withActions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var agentsOnDuty = await staff.WithRoleAsync(StaffRole.SupportAgent, cancellationToken).ConfigureAwait(false);
        var admins = await staff.WithRoleAsync(StaffRole.BillingAdmin, cancellationToken).ConfigureAwait(false);
        var refresh = agentsOnDuty.Concat(admins).Select(m => m.ObjectId).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxRefreshUsers).ToList();
        var view = new TicketView(ticket, customer?.Name, customer?.FindContact(ticket.OpenedByObjectId)?.Name, time.GetUtcNow(),
            entitlements.ProposeRoute(ticket.Category), withActions, refresh);
        return TicketAgentsCard.Build(view, AgentsFormat);
    }

    /// <summary>The notice of one change for the customer's person who opened the ticket.</summary>
    public static AdaptiveCard Notice(Ticket ticket, TicketEvent change, Customer? customer) =>
        TicketNoticeCard.Build(ticket, change, CustomerFormat(ticket, customer));
}
