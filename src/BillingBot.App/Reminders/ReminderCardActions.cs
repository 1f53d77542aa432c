using System.Globalization;
using BillingBot.App.Configuration;
using BillingBot.App.Conversations;
using BillingBot.App.Conversations.Actions;
using BillingBot.App.Reminders.Cards;
using BillingBot.App.Resources;
using BillingBot.App.Suspensions;
using BillingBot.Protocol.Cards;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Reminders;

/// <summary>
/// The buttons of a reminder card (Universal Actions "reminder.*"): I've paid, remind me later, promise to pay, talk to
/// someone, and the refresh. The tenant and the person come from the invoke, never from the card's data, and every
/// answer is the card as it is now.
/// </summary>
public sealed partial class ReminderCardActions(
    ICustomerRepository customers,
    IInvoiceRepository invoices,
    IReminderControls controls,
    ReminderMessageFactory cards,
    IBillingTeamNotifier team,
    AgentsChannel channel,
    AdaptiveCardSerializer cardSerializer,
    BillingAnswers answers,
    CollectionPolicyBook policies,
    IOptions<ConversationOptions> conversationOptions,
    TimeProvider time,
    ILogger<ReminderCardActions> logger) : ICardActionHandler
{
    public string VerbPrefix => "reminder.";

    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, CardActionInvoke action, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var fallback = ReminderCardTexts.For(Bot.BotCulture.For(activity));
        if (ReminderCardData.From(action) is not { } data
            || activity.GetTenantId() is not { Length: > 0 } tenant
            || activity.From?.AadObjectId is not { Length: > 0 } user
            || await customers.FindAsync(tenant, cancellationToken).ConfigureAwait(false) is not { } customer
            // Reminders go to the people who may see amounts; anyone else holding a reminder's button gets no amounts.
            || (conversationOptions.Value.AmountsOnlyForBillingContacts && !customer.CanSeeAmounts(user)))
        {
            return CardActionResult.Message(fallback["Error_Unknown"]);
        }

        var invoice = data.Invoice is null ? null : await invoices.FindAsync(tenant, data.Invoice, cancellationToken).ConfigureAwait(false);
        if (data.Invoice is not null && invoice is null)
        {
            return CardActionResult.Message(fallback["Error_Unknown"]);
        }

        var now = time.GetUtcNow();
        var today = customer.LocalDate(now);
        var reminder = data.ToReminder(tenant, user);
        var culture = CallerResolver.CultureOf(data.Language);
        var t = ReminderCardTexts.For(culture);
        var f = new BillingFormat(BillingTexts.For(culture));
        ReminderCardNote? note = null;
        switch (action.Verb)
        {
            case ReminderCard.Refresh:
                break;
            case ReminderCard.Paid when invoice is not null:
                var claim = new PaymentClaim(tenant, invoice.Number, user, now, PaymentClaimStatus.Pending);
                await controls.SavePaymentClaimAsync(claim, cancellationToken).ConfigureAwait(false);
                await AskBillingAdminsAsync(claim, customer, invoice, today, t, cancellationToken).ConfigureAwait(false);
                note = new ReminderCardNote(t.Format("State_ClaimNoted", f.Date(today), f.Date(today.AddDays(policies.For(tenant).PaymentClaimPauseDays))), IsGood: true, Closes: true);
                break;
            case ReminderCard.Later when invoice is not null:
                if (DateIn(action, ReminderCard.LaterInput, today.AddDays(1), today.AddDays(30), t, f) is not { } until)
                {
                    return CardActionResult.Message(t.Format("Error_DateRange", f.Date(today.AddDays(1)), f.Date(today.AddDays(30))));
                }

                await controls.SaveSnoozeAsync(new ReminderSnooze(tenant, invoice.Number, user, until, now), cancellationToken).ConfigureAwait(false);
                note = new ReminderCardNote(t.Format("State_Snoozed", f.Date(until)), IsGood: true, Closes: false);
                break;
            case ReminderCard.Promise when invoice is not null:
                if (DateIn(action, ReminderCard.PromiseInput, today, today.AddDays(60), t, f) is not { } payBy)
                {
                    return CardActionResult.Message(t.Format("Error_DateRange", f.Date(today), f.Date(today.AddDays(60))));
                }

                await controls.SavePromiseAsync(new PromiseToPay(tenant, invoice.Number, payBy, user, now), cancellationToken).ConfigureAwait(false);
                note = new ReminderCardNote(t.Format("State_Promised", f.Date(payBy)), IsGood: true, Closes: false);
                break;
            case ReminderCard.Talk:
                var caller = new Caller(tenant, user, customer, customer.CanSeeAmounts(user), culture, now, today);
                var person = answers.Person(caller);
                note = new ReminderCardNote(person, IsGood: true, Closes: false);
                break;
            default:
                return CardActionResult.Message(t["Error_Unknown"]);
        }

        Log.Handled(logger, action.Verb, reminder.StageKey);
        return CardActionResult.Card(cards.Card(reminder, data.Language, customer, invoice, now, note));
    }

    /// <summary>Posts the claim for a billing admin to decide; without the agents' channel, the billing team's notice keeps it.</summary>
    private async Task AskBillingAdminsAsync(PaymentClaim claim, Customer customer, Invoice invoice, DateOnly today, ReminderCardTexts t, CancellationToken cancellationToken)
    {
        var card = PaymentClaimCard.Build(claim, customer, invoice, policies.For(customer.TenantId), channel.Options.Culture);
        if (await channel.PostAsync(cardSerializer.CreateMessage(card, card.FallbackText), "payment claim", cancellationToken).ConfigureAwait(false) is null)
        {
            var who = customer.FindContact(claim.ByObjectId)?.Name ?? claim.ByObjectId;
            await team.NotifyAsync(new BillingTeamNotice(customer.TenantId, t.Format("Team_ClaimSubject", invoice.Number), t.Format("Team_ClaimDetails", who, customer.Name, invoice.Number, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), cancellationToken).ConfigureAwait(false);
        }
    }

    private static DateOnly? DateIn(CardActionInvoke action, string input, DateOnly min, DateOnly max, ReminderCardTexts t, BillingFormat f) =>
        DateOnly.TryParseExact(action.DataString(input), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date >= min && date <= max
            ? date
            : null;

    private static partial class Log
    {
        [LoggerMessage(5201, LogLevel.Information, "Reminder action {Verb} on stage {Stage}")]
        public static partial void Handled(ILogger logger, string verb, string stage);
    }
}
