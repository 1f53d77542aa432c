using BillingBot.App.Bot;
using BillingBot.App.Configuration;
using BillingBot.App.Conversations.Cards;
using BillingBot.Billing;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Support;
using BillingBot.Billing.Understanding;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Conversations;

/// <summary>
/// The bot's answers to billing questions, built from the caller's own data: every read is keyed by the caller's
/// tenant, so an answer can only ever hold that tenant's invoices.
/// </summary>
public sealed class BillingAnswers(
    IInvoiceRepository invoices,
    SupportOffer support,
    CollectionPolicyBook policies,
    AdaptiveCardSerializer cards,
    IOptions<PaymentOptions> payments,
    IOptions<ConversationOptions> conversations,
    IOptions<BotOptions> bot)
{
    private string PartnerName => bot.Value.PartnerName;

    /// <summary>Answers an intent; the caller must be a known customer (see <see cref="UnknownCustomer"/>).</summary>
    public async Task<IReadOnlyList<Activity>> AnswerAsync(Caller caller, Intent intent, UtteranceEntities entities, CancellationToken cancellationToken) => intent switch
    {
        Intent.InvoiceStatus => await InvoiceStatusAsync(caller, entities, cancellationToken).ConfigureAwait(false),
        Intent.Balance => await BalanceAsync(caller, cancellationToken).ConfigureAwait(false),
        Intent.ListInvoices => await ListInvoicesAsync(caller, cancellationToken).ConfigureAwait(false),
        Intent.DueDate => await DueDateAsync(caller, entities, cancellationToken).ConfigureAwait(false),
        Intent.HowToPay => await HowToPayAsync(caller, entities, cancellationToken).ConfigureAwait(false),
        Intent.BillingPeriod => BillingPeriod(caller),
        Intent.InvoiceChanged => await InvoiceChangedAsync(caller, entities, cancellationToken).ConfigureAwait(false),
        Intent.CollectionPolicy => await CollectionPolicyAsync(caller, entities, cancellationToken).ConfigureAwait(false),
        Intent.AccessAtRisk => await AccessAtRiskAsync(caller, cancellationToken).ConfigureAwait(false),
        Intent.SupportOffer => SupportOfferCardFor(caller),
        Intent.TalkToPerson => Text(Person(caller)),
        Intent.OpenEscalation => Text(caller.Format.Texts.Format("EscalationInfo", Contacts(caller))),
        Intent.EscalationStatus => Text(caller.Format.Texts.Format("EscalationStatusInfo", Contacts(caller))),
        Intent.ReminderPreferences => Text(ReminderInfo(caller)),
        Intent.Greeting => Text(caller.Format.Texts["Greeting"]),
        Intent.Thanks => Text(caller.Format.Texts["Thanks"]),
        _ => Text(Resources.BotTexts.Help(caller.Culture), markdown: true),
    };

    /// <summary>The answer to someone whose tenant is not one of the partner's customers: polite, with the support contact.</summary>
    public IReadOnlyList<Activity> UnknownCustomer(Caller caller) => caller.TenantId is null
        ? Text(caller.Format.Texts["NoTenant"])
        : Text(caller.Format.Texts.Format("UnknownTenant", PartnerName, Contacts(caller)));

    /// <summary>How to reach a person now: contacts and whether the desk is open.</summary>
    public string Person(Caller caller) =>
        caller.Format.Texts.Format("PersonContacts", Contacts(caller), SupportOfferCard.Availability(support.Hours, caller.Now, caller.Format));

    /// <summary>The invoices the caller is most likely asking about: unpaid first, then the newest.</summary>
    public async Task<IReadOnlyList<Invoice>> CandidateInvoicesAsync(Caller caller, int count, CancellationToken cancellationToken)
    {
        var all = await invoices.ListForCustomerAsync(caller.Customer!.TenantId, cancellationToken).ConfigureAwait(false);
        var standing = AccountStanding.On(caller.Today, all, policies.For(caller.Customer!.TenantId));
        return [.. standing.Unpaid.Concat(standing.Invoices).Distinct().Take(count)];
    }

    public async Task<IReadOnlyList<Activity>> InvoiceStatusAsync(Caller caller, UtteranceEntities entities, CancellationToken cancellationToken)
    {
        var (invoice, missing) = await FindInvoiceAsync(caller, entities, cancellationToken).ConfigureAwait(false);
        return invoice is null ? Text(missing!) : [Card(InvoiceStatusCard.Build(invoice, Context(caller)), caller.Format.Texts.Format("Card_Invoice", invoice.Number))];
    }

    public async Task<IReadOnlyList<Activity>> BalanceAsync(Caller caller, CancellationToken cancellationToken)
    {
        var standing = await StandingAsync(caller, cancellationToken).ConfigureAwait(false);
        var t = caller.Format.Texts;
        string summary;
        if (standing.Unpaid.Count == 0)
        {
            summary = t["BalanceAllPaid"];
        }
        else if (!caller.CanSeeAmounts)
        {
            summary = t.Format("BalanceNoAmounts", standing.Unpaid.Count, standing.Overdue.Count);
        }
        else
        {
            var total = AccountSummaryCard.Amounts(standing.TotalDue, caller.Format);
            summary = standing.Overdue.Count == 0
                ? t.Format("BalanceNothingOverdue", total)
                : t.Format("BalanceSummary", total, AccountSummaryCard.Amounts(standing.OverdueTotal, caller.Format));
        }

        return [ActivityExtensions.CreateMessage(summary), Card(AccountSummaryCard.Build(standing, Context(caller)), summary)];
    }

    public async Task<IReadOnlyList<Activity>> ListInvoicesAsync(Caller caller, CancellationToken cancellationToken)
    {
        var all = await invoices.ListForCustomerAsync(caller.Customer!.TenantId, cancellationToken).ConfigureAwait(false);
        var context = Context(caller);
        // A long history may not fit Teams' card size: show fewer rows rather than fail.
        for (var limit = conversations.Value.InvoiceListSize; ; limit = Math.Max(1, limit / 2))
        {
            var card = InvoiceListCard.Build(all, limit, context);
            if (cards.IsWithinLimit(card) || limit == 1)
            {
                return [Card(card, caller.Format.Texts["Card_InvoicesTitle"])];
            }
        }
    }

    public async Task<IReadOnlyList<Activity>> DueDateAsync(Caller caller, UtteranceEntities entities, CancellationToken cancellationToken)
    {
        var f = caller.Format;
        var t = f.Texts;
        if (entities.InvoiceNumbers.Count > 0 || entities.Months.Count > 0)
        {
            var (invoice, missing) = await FindInvoiceAsync(caller, entities, cancellationToken).ConfigureAwait(false);
            if (invoice is null)
            {
                return Text(missing!);
            }

            var status = invoice.StatusOn(caller.Today);
            return Text(status switch
            {
                InvoiceStatus.Paid => t.Format("DueDatePaid", invoice.Number, f.Date(invoice.DueDate)),
                InvoiceStatus.Overdue => t.Format("OverdueSince", invoice.Number, f.Date(invoice.DueDate)),
                _ => t.Format("DueDateOf", invoice.Number, f.Date(invoice.DueDate)),
            });
        }

        var standing = await StandingAsync(caller, cancellationToken).ConfigureAwait(false);
        var lines = new List<string>();
        foreach (var overdue in standing.Overdue)
        {
            lines.Add(t.Format("OverdueSince", overdue.Number, f.Date(overdue.DueDate)));
        }

        if (standing.NextDue is { } next)
        {
            lines.Add(caller.CanSeeAmounts
                ? t.Format("NextDueAmount", next.Number, f.Money(next.Outstanding), f.Date(next.DueDate))
                : t.Format("NextDue", next.Number, f.Date(next.DueDate)));
        }

        return Text(lines.Count == 0 ? t["NothingDue"] : string.Join("\n\n", lines), markdown: true);
    }

    public async Task<IReadOnlyList<Activity>> HowToPayAsync(Caller caller, UtteranceEntities entities, CancellationToken cancellationToken)
    {
        var t = caller.Format.Texts;
        var number = entities.InvoiceNumbers.FirstOrDefault();
        if (number is null)
        {
            var standing = await StandingAsync(caller, cancellationToken).ConfigureAwait(false);
            number = (standing.MostUrgent ?? standing.NextDue ?? standing.Unpaid.FirstOrDefault())?.Number;
        }

        return Text(HowToPay(caller, number));
    }

    /// <summary>Bank details, with the invoice number as the transfer title when one is known.</summary>
    public string HowToPay(Caller caller, string? invoiceNumber)
    {
        var t = caller.Format.Texts;
        var p = payments.Value;
        var text = t.Format(
            "HowToPay",
            p.BankName,
            p.AccountNumber,
            string.IsNullOrWhiteSpace(p.Swift) ? string.Empty : t.Format("HowToPaySwift", p.Swift),
            invoiceNumber is null ? string.Empty : t.Format("HowToPayTitle", invoiceNumber));
        return p.CardPaymentUrl is { } url ? text + t.Format("HowToPayCard", url) : text;
    }

    public IReadOnlyList<Activity> BillingPeriod(Caller caller)
    {
        var f = caller.Format;
        var customer = caller.Customer!;
        var start = new DateOnly(caller.Today.Year, caller.Today.Month, 1);
        var end = start.AddMonths(1).AddDays(-1);
        return Text(f.Texts.Format("BillingPeriodAnswer", customer.PaymentTermDays, f.Date(start), f.Date(end), f.Date(customer.DueDateFor(end))));
    }

    public async Task<IReadOnlyList<Activity>> InvoiceChangedAsync(Caller caller, UtteranceEntities entities, CancellationToken cancellationToken)
    {
        var f = caller.Format;
        var t = f.Texts;
        var all = (await invoices.ListForCustomerAsync(caller.Customer!.TenantId, cancellationToken).ConfigureAwait(false))
            .Where(i => i.Status != InvoiceStatus.Cancelled)
            .OrderByDescending(i => i.Period.Start).ThenByDescending(i => i.Number, StringComparer.Ordinal)
            .ToList();
        Invoice? current;
        if (entities.InvoiceNumbers.Count > 0 || entities.Months.Count > 0)
        {
            var (found, missing) = await FindInvoiceAsync(caller, entities, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return Text(missing!);
            }

            current = found;
        }
        else
        {
            current = all.FirstOrDefault();
        }

        if (current is null)
        {
            return Text(t["NoInvoices"]);
        }

        var previous = all.FirstOrDefault(i => i.Period.Start < current.Period.Start && i.Currency == current.Currency);
        if (previous is null)
        {
            return Text(t.Format("InvoiceChangedNoPrevious", current.Number));
        }

        if (current.Gross == previous.Gross)
        {
            return Text(t.Format("InvoiceChangedSame", current.Number, previous.Number));
        }

        var changes = ProductChanges(previous, current).Take(3).ToList();
        if (!caller.CanSeeAmounts)
        {
            var products = changes.Select(c => t.Format("InvoiceChangedLineNoAmounts", MarkdownText.Escape(c.Product)));
            return Text(t.Format("InvoiceChangedNoAmounts", current.Number, previous.Number) + "\n\n" + string.Join("\n", products), markdown: true);
        }

        var difference = current.Gross - previous.Gross;
        var header = t.Format(difference.IsNegative ? "InvoiceChangedDown" : "InvoiceChangedUp", current.Number, f.Money(difference.IsNegative ? -difference : difference), previous.Number);
        var lines = changes.Select(c => t.Format("InvoiceChangedLine", MarkdownText.Escape(c.Product), f.Money(c.Before), f.Money(c.After)));
        return Text(header + "\n\n" + string.Join("\n", lines), markdown: true);
    }

    public async Task<IReadOnlyList<Activity>> CollectionPolicyAsync(Caller caller, UtteranceEntities entities, CancellationToken cancellationToken)
    {
        var answer = new List<string> { GeneralPolicy(caller) };
        Invoice? invoice = null;
        if (entities.InvoiceNumbers.Count > 0 || entities.Months.Count > 0)
        {
            var (found, missing) = await FindInvoiceAsync(caller, entities, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return Text(missing!);
            }

            invoice = found;
        }
        else
        {
            var standing = await StandingAsync(caller, cancellationToken).ConfigureAwait(false);
            invoice = standing.MostUrgent ?? standing.NextDue;
        }

        if (invoice is not null && PolicyForInvoice(caller, invoice) is { } specific)
        {
            answer.Insert(0, specific);
        }

        return Text(string.Join("\n\n", answer), markdown: true);
    }

    /// <summary>The policy applied to one invoice with its real dates, or null when it is paid or cancelled.</summary>
    public string? PolicyForInvoice(Caller caller, Invoice invoice)
    {
        var f = caller.Format;
        var t = f.Texts;
        var status = invoice.StatusOn(caller.Today);
        var policy = policies.For(invoice.TenantId);
        var suspension = policy.SuspensionDate(invoice.DueDate);
        return status switch
        {
            InvoiceStatus.Paid or InvoiceStatus.Cancelled => null,
            InvoiceStatus.Disputed => t.Format("PolicyDisputed", invoice.Number),
            _ when caller.Today >= suspension => t.Format("PolicyPastSuspension", invoice.Number, f.Days(policy.SuspensionAfterDays)),
            InvoiceStatus.Overdue => t.Format("PolicyOverdueInvoice", invoice.Number, f.Date(invoice.DueDate), f.Date(suspension)),
            _ => t.Format("PolicyForInvoice", invoice.Number, f.Date(policy.PaymentDeadline(invoice.DueDate)), f.Date(suspension)),
        };
    }

    public async Task<IReadOnlyList<Activity>> AccessAtRiskAsync(Caller caller, CancellationToken cancellationToken)
    {
        var f = caller.Format;
        var t = f.Texts;
        var standing = await StandingAsync(caller, cancellationToken).ConfigureAwait(false);
        if (standing.MostUrgent is not { } urgent)
        {
            return Text(t["AccessSafe"]);
        }

        return Text(standing.IsSuspendable
            ? t.Format("AccessSuspendable", urgent.Number, f.Days(standing.Policy.SuspensionAfterDays))
            : t.Format("AccessAtRisk", urgent.Number, f.Date(urgent.DueDate), f.Date(standing.SuspensionDate!.Value)));
    }

    public IReadOnlyList<Activity> SupportOfferCardFor(Caller caller) =>
        [Card(SupportOfferCard.Build(support, caller.Customer?.SupportPlan, caller.Now, caller.Format, PartnerName), caller.Format.Texts.Format("Card_SupportTitle", PartnerName))];

    /// <summary>The invoice a message names by number or by month, or the localized reason it cannot be found.</summary>
    public async Task<(Invoice? Invoice, string? Missing)> FindInvoiceAsync(Caller caller, UtteranceEntities entities, CancellationToken cancellationToken)
    {
        var t = caller.Format.Texts;
        var tenant = caller.Customer!.TenantId;
        if (entities.InvoiceNumbers.FirstOrDefault() is { } number)
        {
            var invoice = await invoices.FindAsync(tenant, number, cancellationToken).ConfigureAwait(false);
            return invoice is null ? (null, t.Format("InvoiceNotFound", number)) : (invoice, null);
        }

        if (entities.Months.FirstOrDefault() is { } month)
        {
            var all = await invoices.ListForCustomerAsync(tenant, cancellationToken).ConfigureAwait(false);
            var invoice = all.Where(i => i.Status != InvoiceStatus.Cancelled).FirstOrDefault(i => i.Period.Contains(month.FirstDay));
            return invoice is null ? (null, t.Format("NoInvoiceForMonth", caller.Format.Month(month.FirstDay))) : (invoice, null);
        }

        return (null, t["AskWhichInvoice"]);
    }

    private static IEnumerable<(string Product, Money Before, Money After)> ProductChanges(Invoice previous, Invoice current)
    {
        var zero = Money.Zero(current.Currency);
        var products = previous.Lines.Select(l => l.Product).Union(current.Lines.Select(l => l.Product));
        return products
            .Select(p => (p, Before: Sum(previous, p, zero), After: Sum(current, p, zero)))
            .Where(c => c.Before != c.After)
            .OrderByDescending(c => Math.Abs(c.After.Amount - c.Before.Amount));

        static Money Sum(Invoice invoice, string product, Money zero) =>
            invoice.Lines.Where(l => l.Product == product).Aggregate(zero, (s, l) => s + l.Amount);
    }

    private string GeneralPolicy(Caller caller)
    {
        var f = caller.Format;
        var policy = PolicyOf(caller);
        return f.Texts.Format(
            "PolicyGeneral",
            f.JoinAnd([.. policy.ReminderDaysBeforeDue.OrderDescending().Select(f.Days)]),
            f.JoinAnd([.. policy.OverdueNoticeDays.Order().Select(f.Days)]),
            f.Days(policy.SuspensionWarningDays),
            f.Days(policy.SuspensionAfterDays));
    }

    private string ReminderInfo(Caller caller)
    {
        var f = caller.Format;
        var policy = PolicyOf(caller);
        return f.Texts.Format("ReminderInfo", f.JoinAnd([.. policy.ReminderDaysBeforeDue.OrderDescending().Select(f.Days)]), Contacts(caller));
    }

    private string Contacts(Caller caller) =>
        string.Join(", ", support.Contacts.Where(c => c.Kind != ContactKind.Teams).Select(c => caller.Format.Texts.Format("Contact_" + c.Kind, c.Value)));

    private async Task<AccountStanding> StandingAsync(Caller caller, CancellationToken cancellationToken) =>
        AccountStanding.On(caller.Today, await invoices.ListForCustomerAsync(caller.Customer!.TenantId, cancellationToken).ConfigureAwait(false), PolicyOf(caller));

    private CollectionPolicy PolicyOf(Caller caller) => caller.Customer is { } customer ? policies.For(customer.TenantId) : policies.Default;

    private CardContext Context(Caller caller) => new(caller.Format, caller.CanSeeAmounts, caller.Today, PolicyOf(caller), PartnerName);

    /// <summary>After two misunderstandings: an apology, the contacts, and (for a customer) a button that hands off to a person.</summary>
    public Activity OfferPerson(Caller caller)
    {
        var t = caller.Format.Texts;
        var text = t.Format("OfferPerson", Person(caller));
        if (caller.Customer is null)
        {
            return ActivityExtensions.CreateMessage(text);
        }

        var card = CardParts.Card(
            [CardParts.Text(text)],
            [CardParts.Submit(t["Card_TalkToPerson"], new BillingCardAction(BillingCardAction.TalkToPerson, Reason: BillingCardAction.NotUnderstoodReason))],
            text,
            caller.Culture.TwoLetterISOLanguageName);
        return Card(card, text);
    }

    private Activity Card(AdaptiveCard card, string summary) => cards.CreateMessage(card, summary);

    private static IReadOnlyList<Activity> Text(string text, bool markdown = false)
    {
        var message = ActivityExtensions.CreateMessage(text);
        if (markdown)
        {
            message.TextFormat = "markdown";
        }

        return [message];
    }
}
