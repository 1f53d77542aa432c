using BillingBot.App.Bot;
using BillingBot.App.Conversations;
using BillingBot.App.Resources;
using BillingBot.App.Suspensions;
using BillingBot.App.Touchpoints;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Support;
using BillingBot.Billing.Touchpoints;
using BillingBot.Billing.Understanding;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Sales;

/// <summary>
/// A customer asks about buying more, upgrading or a new service: the request goes to the sales channel as a lead card
/// that @mentions the sales agents, a SalesLead touchpoint is kept, and the customer is told that sales will call back,
/// or, when the channel cannot take the card, how to reach sales themselves. Anyone of the customer may ask, whether or
/// not they may see amounts: the card carries counts, never amounts.
/// </summary>
public sealed partial class SalesLeads(
    AgentsChannel channel,
    IStaffDirectory staff,
    IInvoiceRepository invoices,
    CollectionPolicyBook policies,
    ITouchpoints touchpoints,
    TouchpointRecorder recorder,
    SupportOffer support,
    AdaptiveCardSerializer cards,
    IOptions<SalesOptions> options,
    IOptions<BotOptions> bot,
    TimeProvider time,
    ILogger<SalesLeads> logger)
{
    /// <summary>How far back the touchpoints on a lead card and in the staff summary go.</summary>
    public const int RecentDays = 90;

    /// <summary>
    /// Passes a known customer's purchase request to sales and returns the answer to the customer.
    /// <paramref name="written"/> is what the customer wrote (null when they asked with a button).
    /// </summary>
    public async Task<IReadOnlyList<Activity>> AnswerAsync(ITurnContext context, Caller caller, string? written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        var customer = caller.Customer ?? throw new ArgumentException("Only a known customer's request is a lead.", nameof(caller));
        var lead = await GatherAsync(context.Activity, caller, written, cancellationToken).ConfigureAwait(false);
        var format = new SalesFormat(channel.Options.Culture, support.Hours.TimeZone);
        var card = LeadCard.Build(lead, format);
        var salesChannel = await channel.SalesChannelIdAsync(cancellationToken).ConfigureAwait(false);
        var posted = await channel.PostAsync(cards.CreateMessage(card, format.Texts.Format("Lead_Title", customer.Name)), "a sales lead", cancellationToken, salesChannel).ConfigureAwait(false);
        await recorder.RecordAsync(customer.TenantId, TouchpointKind.SalesLead, Intent.Purchase.ToString(), cancellationToken).ConfigureAwait(false);

        var t = SalesTexts.For(caller.Culture);
        if (posted is null)
        {
            Log.NotPosted(logger, lead.SalesAgents.Count);
            return [ActivityExtensions.CreateMessage(t.Format("Lead_Unavailable", bot.Value.PartnerName, Contacts(caller)))];
        }

        Log.Posted(logger, lead.SalesAgents.Count, lead.Recent?.Count ?? 0);
        return [ActivityExtensions.CreateMessage(t.Format("Lead_Passed", bot.Value.PartnerName))];
    }

    private async Task<SalesLead> GatherAsync(Activity activity, Caller caller, string? written, CancellationToken cancellationToken)
    {
        var customer = caller.Customer!;
        var all = await invoices.ListForCustomerAsync(customer.TenantId, cancellationToken).ConfigureAwait(false);
        var standing = AccountStanding.On(caller.Today, all, policies.For(customer.TenantId));
        IReadOnlyList<Touchpoint>? recent;
        try
        {
            recent = await touchpoints.SinceAsync(customer.TenantId, time.GetUtcNow().AddDays(-RecentDays), cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            // The lead matters more than its history: the card says the history is missing.
            Log.HistoryUnavailable(logger, ex);
            recent = null;
        }

        var agents = await staff.WithRoleAsync(StaffRole.SalesAgent, cancellationToken).ConfigureAwait(false);
        var objectId = caller.UserObjectId ?? activity.From?.AadObjectId;
        var name = (objectId is null ? null : customer.FindContact(objectId)?.Name) ?? activity.From?.Name;
        return new SalesLead(
            customer,
            name,
            objectId,
            written,
            Languages.FromLocale(caller.Culture.Name) ?? Languages.English,
            standing.Unpaid.Count,
            standing.Overdue.Count,
            recent,
            RecentDays,
            agents);
    }

    /// <summary>The configured sales contacts, else the published support contacts.</summary>
    private string Contacts(Caller caller)
    {
        var configured = options.Value.Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => new ContactMethod(c.Kind, c.Value.Trim())).ToList();
        var contacts = configured.Count > 0 ? configured : support.Contacts.Where(c => c.Kind != ContactKind.Teams).ToList();
        return string.Join(", ", contacts.Select(c => caller.Format.Texts.Format("Contact_" + c.Kind, c.Value)));
    }

    private static partial class Log
    {
        [LoggerMessage(7511, LogLevel.Information, "Sales lead posted to the sales channel ({SalesAgents} sales agent(s) mentioned, {Touchpoints} recent touchpoint(s))")]
        public static partial void Posted(ILogger logger, int salesAgents, int touchpoints);

        [LoggerMessage(7512, LogLevel.Warning, "A sales lead could not be posted to the sales channel ({SalesAgents} sales agent(s) on the staff list); the customer was given the sales contacts instead")]
        public static partial void NotPosted(ILogger logger, int salesAgents);

        [LoggerMessage(7513, LogLevel.Warning, "The customer's touchpoints could not be read for a sales lead; the card goes without them")]
        public static partial void HistoryUnavailable(ILogger logger, Exception exception);
    }
}
