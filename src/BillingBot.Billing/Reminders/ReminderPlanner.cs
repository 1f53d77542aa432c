using System.Globalization;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;

namespace BillingBot.Billing.Reminders;

/// <summary>
/// Decides which reminders are due for one customer at an instant: a pure function of the customer's invoices (with
/// payments applied), what its people said (promises, snoozes, payment claims, opt-outs, preferences), the policy and
/// the clock. It keeps no memory: the scheduler sends each <see cref="PlannedReminder.Key"/> once per recipient and
/// ignores the same key when it is planned again.
/// </summary>
/// <remarks>
/// <para><b>Days and times.</b> "Today" is the customer's calendar date (<see cref="Customer.LocalDate"/>) and every
/// day offset counts calendar days in that calendar, so an invoice due on 31 January reaches +3 on 3 February
/// whatever the UTC offset or a DST change in between.</para>
/// <para><b>Stages of an invoice</b> (see <see cref="CollectionPolicy"/>; keys in brackets): the new-invoice notice on the
/// issue date ["issued"]; Upcoming at each of <see cref="CollectionPolicy.ReminderDaysBeforeDue"/> ["before-7",
/// "before-1"]; DueToday on the due date ["due"]; Overdue at each of <see cref="CollectionPolicy.OverdueNoticeDays"/>
/// ["after-3", "after-10"]; the SuspensionWarning ["warning-20"]; the Suspension ["suspension-30"]. A stage dated
/// before the issue date never applies (an invoice issued 3 days before its due date gets no 7-day reminder). An
/// overdue notice that would fall within the grace period starts on the first day after
/// <see cref="CollectionPolicy.PaymentDeadline"/> instead (its key and offset stay, its <see cref="PlannedReminder.StageDate"/>
/// moves).</para>
/// <para><b>Never spam, never lose.</b> Of an invoice's stages only the latest one that has started (stage date on
/// or before today) can be due; it stays due until a later stage starts. A stage that was never delivered while it
/// was the latest (a weekend, a holiday, a promise, a dispute, an outage) is superseded by the next one and is not sent
/// late, so a customer never gets two reminders about one invoice at once and never gets a stale "due in 7 days".
/// Stages starting the same day: the later in the invoice's life wins (e.g. a 7-day term sends "before-7" rather than
/// "issued"). A stage whose day fell on a weekend or a holiday is therefore due on the next working day, same key.</para>
/// <para><b>The delivery window.</b> Nothing is due outside <see cref="CollectionPolicy.DeliveryWindowStart"/>
/// (inclusive) to <see cref="CollectionPolicy.DeliveryWindowEnd"/> (exclusive) local time, or on a day that is not a
/// working day or is a holiday.</para>
/// <para><b>Owed on the day</b> (<see cref="Invoice.StatusOn"/>): nothing for a Paid (fully paid, overpaid included) or
/// Cancelled invoice, so a payment recorded between two runs leaves nothing to send for it; a partially paid invoice
/// still owes the rest and keeps its reminders. Dunning stages (Overdue, SuspensionWarning, Suspension) need the
/// invoice Overdue on the day and past its payment deadline. A Disputed invoice gets nothing at all until the dispute
/// is resolved: a customer who contests an invoice is not reminded to pay it meanwhile.</para>
/// <para><b>Customers' controls</b>, each for one invoice:
/// a promise to pay holds back dunning up to and including the promised date (any of the invoice's promises);
/// an open dispute ticket that names the invoice (<see cref="ReminderControlSet.DisputeHolds"/>) holds back its dunning
/// (Overdue, SuspensionWarning and Suspension) until the ticket is resolved, when the stage latest by then is due;
/// an "I've paid" claim that is Pending or Confirmed holds back every reminder of the invoice from the day of the claim
/// until <see cref="CollectionPolicy.PaymentClaimPauseDays"/> days later (a Rejected claim holds back nothing), since
/// telling someone who says they paid that the invoice is due would be wrong;
/// a snooze keeps everything about the invoice from the person who snoozed until its date (that day they may get it);
/// an opt-out keeps everything about the invoice from that person except the SuspensionWarning.
/// A reminder left with no recipient is not planned, except the Suspension: it has no recipients because it goes
/// to the partner's billing admins for approval, snoozes and opt-outs never skip it, promises and claims hold it back.</para>
/// <para><b>Recipients</b>: the customer's contacts who may see amounts (Primary and Billing; Technical contacts get
/// nothing), Primary first then by object id, each in the language of their latest preference or else the customer's
/// locale language ("pl" or "en"; English for any other locale).</para>
/// <para><b>Billing-period notices</b>: the new-invoice notice is a stage of its invoice (above), due on working days
/// from its issue date for <see cref="CollectionPolicy.InvoiceIssuedNoticeWorkingDays"/> working days (3 by default)
/// counted from the first working day on or after the issue date, so an invoice imported long after it was issued is
/// not announced as new. The period-closing notice ["closing-yyyy-MM", no invoice, offset = days before the end] is due
/// from <see cref="CollectionPolicy.PeriodClosingDate"/> to the month's last day, on working days; when no working day
/// remains in the month it is skipped, as a notice about a closed period says nothing.</para>
/// <para><b>Order</b>: by stage date, then kind (in <see cref="ReminderKind"/> order), then invoice number, then stage key.</para>
/// </remarks>
public static class ReminderPlanner
{
    /// <summary>The reminders due now for one customer, in a deterministic order (see the remarks of <see cref="ReminderPlanner"/>).</summary>
    public static IReadOnlyList<PlannedReminder> Plan(ReminderInputs inputs, CollectionPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(policy);
        var customer = inputs.Customer;
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(customer.TimeZoneId));
        var today = DateOnly.FromDateTime(local.DateTime);
        if (!policy.IsDeliveryTime(today, TimeOnly.FromDateTime(local.DateTime)))
        {
            return [];
        }

        var controls = inputs.Controls;
        var audience = ReminderAudience.Of(customer, controls.Preferences);
        var planned = new List<PlannedReminder>();
        foreach (var invoice in inputs.Invoices)
        {
            if (!ReminderAudience.SameId(invoice.TenantId, customer.TenantId))
            {
                throw new ArgumentException($"The invoice {invoice.Number} belongs to {invoice.TenantId}, not to {customer.TenantId}.", nameof(inputs));
            }

            if (DueStage(invoice, customer, controls, policy, today) is not { } stage)
            {
                continue;
            }

            IReadOnlyList<ReminderRecipient> recipients = stage.Kind == ReminderKind.Suspension
                ? []
                : [.. audience.Where(r => !KeptFrom(r, stage, invoice, controls, today))];
            if (stage.Kind == ReminderKind.Suspension || recipients.Count > 0)
            {
                planned.Add(new PlannedReminder(customer.TenantId, invoice.Number, stage.Kind, stage.DayOffset, stage.Date, stage.Key, recipients));
            }
        }

        if (PeriodClosing(customer, policy, today, audience) is { } closing)
        {
            planned.Add(closing);
        }

        return [.. planned
            .OrderBy(r => r.StageDate)
            .ThenBy(r => r.Kind)
            .ThenBy(r => r.InvoiceNumber, StringComparer.Ordinal)
            .ThenBy(r => r.StageKey, StringComparer.Ordinal)];
    }

    /// <summary>
    /// When reminders can next reach the customer: <paramref name="now"/> inside the delivery window, else the start of
    /// the next window (a start skipped by a DST change moves to the first valid local time); null when the policy has
    /// no working day within a year. What a dry run or an idle scheduler plans for.
    /// </summary>
    public static DateTimeOffset? NextDeliveryTime(Customer customer, CollectionPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(policy);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(customer.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (policy.IsDeliveryTime(today, TimeOnly.FromDateTime(local.DateTime)))
        {
            return now;
        }

        var from = TimeOnly.FromDateTime(local.DateTime) < policy.DeliveryWindowStart ? today : today.AddDays(1);
        return policy.NextWorkingDay(from) is { } day ? AtLocal(zone, day, policy.DeliveryWindowStart) : null;
    }

    private static ReminderStage? DueStage(Invoice invoice, Customer customer, ReminderControlSet controls, CollectionPolicy policy, DateOnly today)
    {
        var status = invoice.StatusOn(today);
        if (status is InvoiceStatus.Paid or InvoiceStatus.Cancelled)
        {
            return null;
        }

        var stage = ReminderStage.For(invoice, policy).LastOrDefault(s => s.Date <= today);
        if (stage is null
            || status == InvoiceStatus.Disputed
            || (stage.Kind == ReminderKind.InvoiceIssued && !WithinIssuedNotice(invoice.IssueDate, policy, today))
            || (stage.IsDunning && (status != InvoiceStatus.Overdue || today <= policy.PaymentDeadline(invoice.DueDate)))
            || (stage.IsDunning && controls.Promises.Any(p => Concerns(p.TenantId, p.InvoiceNumber, invoice) && today <= p.PromisedDate))
            || (stage.IsDunning && controls.DisputeHolds.Any(d => Concerns(d.TenantId, d.InvoiceNumber, invoice)))
            || controls.PaymentClaims.Any(c => Concerns(c.TenantId, c.InvoiceNumber, invoice)
                && c.Status != PaymentClaimStatus.Rejected
                && today < policy.PaymentClaimPauseEnd(customer.LocalDate(c.ClaimedAt))))
        {
            return null;
        }

        return stage;
    }

    private static bool KeptFrom(ReminderRecipient recipient, ReminderStage stage, Invoice invoice, ReminderControlSet controls, DateOnly today) =>
        controls.Snoozes.Any(s => Concerns(s.TenantId, s.InvoiceNumber, invoice) && ReminderAudience.SameId(s.ByObjectId, recipient.ObjectId) && today < s.Until)
        || (stage.Kind != ReminderKind.SuspensionWarning
            && controls.OptOuts.Any(o => Concerns(o.TenantId, o.InvoiceNumber, invoice) && ReminderAudience.SameId(o.ObjectId, recipient.ObjectId)));

    private static bool Concerns(string tenantId, string invoiceNumber, Invoice invoice) =>
        invoiceNumber == invoice.Number && ReminderAudience.SameId(tenantId, invoice.TenantId);

    // Counting working days rather than calendar days keeps a notice for an invoice issued before a long weekend.
    private static bool WithinIssuedNotice(DateOnly issueDate, CollectionPolicy policy, DateOnly today)
    {
        var workingDaysBefore = 0;
        for (var day = issueDate; day < today; day = day.AddDays(1))
        {
            if (policy.IsWorkingDay(day) && ++workingDaysBefore >= policy.InvoiceIssuedNoticeWorkingDays)
            {
                return false;
            }
        }

        return true;
    }

    private static PlannedReminder? PeriodClosing(Customer customer, CollectionPolicy policy, DateOnly today, IReadOnlyList<ReminderRecipient> audience)
    {
        var closingDate = policy.PeriodClosingDate(today);
        return policy.NotifyPeriodClosing && today >= closingDate && audience.Count > 0
            ? new PlannedReminder(customer.TenantId, null, ReminderKind.PeriodClosing, policy.PeriodClosingDaysBefore, closingDate, string.Create(CultureInfo.InvariantCulture, $"closing-{today:yyyy-MM}"), audience)
            : null;
    }

    private static DateTimeOffset AtLocal(TimeZoneInfo zone, DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
