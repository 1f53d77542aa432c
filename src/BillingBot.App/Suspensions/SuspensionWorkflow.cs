using BillingBot.App.Reminders;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Staff;
using BillingBot.Billing.Suspensions;
using BillingBot.Protocol.Cards;

namespace BillingBot.App.Suspensions;

/// <summary>
/// Suspension never happens silently. The suspension stage opens a case and asks the billing admins in the agents'
/// channel; an approval is audited, passed to the access-control port and told to the customer; a postponement is
/// audited and asked again on its date; once nothing is overdue, access is restored, audited and told to the customer
/// and the channel. Each step is recorded before the next starts, so <see cref="ReconcileAsync"/> (run on every sweep)
/// resumes a case that a crash interrupted: the access orders carry the case's id, so placing one again is harmless.
/// </summary>
public sealed partial class SuspensionWorkflow(
    ISuspensionCases cases,
    IInvoiceRepository invoices,
    IAccessControl access,
    AgentsChannel channel,
    IBillingTeamNotifier notifier,
    CustomerNotices customerNotices,
    SuspensionCards cards,
    AdaptiveCardSerializer serializer,
    CollectionPolicy policy,
    TimeProvider time,
    ILogger<SuspensionWorkflow> logger) : ISuspensionWorkflow
{
    /// <summary>An approval whose order was not placed within this time was interrupted; the next sweep completes it.</summary>
    public static readonly TimeSpan InterruptedAfter = TimeSpan.FromMinutes(2);

    /// <summary>Who a change is ordered by when the bot acts on its own (a payment restores access).</summary>
    public const string Bot = "bot";

    public async Task RequestApprovalAsync(PlannedReminder reminder, Customer customer, Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(invoice);
        var now = time.GetUtcNow();
        var outcome = await cases.OpenAsync(SuspensionCase.Open(customer.TenantId, reminder.Key, invoice.Number, now), cancellationToken).ConfigureAwait(false);
        var current = outcome.Case;
        if (outcome.Changed)
        {
            Log.Opened(logger, customer.TenantId, current.CaseId);
        }
        else if (!current.IsClosed)
        {
            // The tenant already has an open case: the invoice joins it rather than asking twice.
            var joined = await cases.UpdateAsync(current.TenantId, current.CaseId, c => c.IsClosed ? null : c.WithInvoice(invoice.Number, now), cancellationToken).ConfigureAwait(false);
            current = joined?.Case ?? current;
            if (joined?.Changed == true)
            {
                await RefreshApprovalMessageAsync(current, customer, cancellationToken).ConfigureAwait(false);
            }
        }

        if (current.AwaitsDecision && current.ApprovalMessage is null)
        {
            await AskAgentsAsync(current, customer, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ReconcileAsync(Customer customer, IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(invoices);
        if (await cases.FindOpenAsync(customer.TenantId, cancellationToken).ConfigureAwait(false) is not { } open)
        {
            return;
        }

        var now = time.GetUtcNow();
        var standing = AccountStanding.On(customer.LocalDate(now), invoices, policy);
        var settled = standing.Overdue.Count == 0;
        switch (open.State)
        {
            case SuspensionState.Requested or SuspensionState.Postponed when settled:
                await WithdrawAsync(open, customer, cancellationToken).ConfigureAwait(false);
                break;
            case SuspensionState.Requested when open.ApprovalMessage is null:
                await AskAgentsAsync(open, customer, cancellationToken).ConfigureAwait(false);
                break;
            case SuspensionState.Postponed when open.PostponedUntil is { } until && standing.Date >= until:
                var asked = await cases.UpdateAsync(open.TenantId, open.CaseId, c => c.State == SuspensionState.Postponed ? c.AskAgain(now) : null, cancellationToken).ConfigureAwait(false);
                if (asked is { Changed: true })
                {
                    Log.AskedAgain(logger, open.TenantId, open.CaseId);
                    await AskAgentsAsync(asked.Case, customer, cancellationToken).ConfigureAwait(false);
                }

                break;
            case SuspensionState.Approved when now - (open.LastDecision?.At ?? open.RequestedAt) >= InterruptedAfter:
                await SuspendAsync(open, customer, standing, cancellationToken).ConfigureAwait(false);
                break;
            case SuspensionState.Suspended:
                var suspended = open.CustomerToldOfSuspension ? open : await TellOfSuspensionAsync(open, customer, standing.Overdue, cancellationToken).ConfigureAwait(false);
                if (settled)
                {
                    await RestoreAsync(suspended, customer, cancellationToken).ConfigureAwait(false);
                }

                break;
            case SuspensionState.Restored:
                await TellOfRestoreAsync(open, customer, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// A billing admin's approval: audited (who, when), then the suspension is ordered and the customer told. When
    /// nothing is overdue any more the case is withdrawn instead. A case already decided comes back as it stands.
    /// </summary>
    public async Task<SuspensionCase?> ApproveAsync(SuspensionCase suspension, Customer customer, StaffMember by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suspension);
        ArgumentNullException.ThrowIfNull(by);
        var now = time.GetUtcNow();
        var standing = AccountStanding.On(customer.LocalDate(now), await invoices.ListForCustomerAsync(customer.TenantId, cancellationToken).ConfigureAwait(false), policy);
        if (standing.Overdue.Count == 0)
        {
            return await WithdrawAsync(suspension, customer, cancellationToken).ConfigureAwait(false);
        }

        var approved = await cases.UpdateAsync(suspension.TenantId, suspension.CaseId, c => c.AwaitsDecision ? c.Approve(by, now) : null, cancellationToken).ConfigureAwait(false);
        if (approved is not { Changed: true })
        {
            return approved?.Case;
        }

        Log.Approved(logger, suspension.TenantId, suspension.CaseId, by.ObjectId);
        return await SuspendAsync(approved.Case, customer, standing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A billing admin's postponement to a day (the customer's calendar), audited; the admins are asked again that day.</summary>
    public async Task<SuspensionCase?> PostponeAsync(SuspensionCase suspension, Customer customer, StaffMember by, DateOnly until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suspension);
        ArgumentNullException.ThrowIfNull(by);
        var now = time.GetUtcNow();
        var postponed = await cases.UpdateAsync(suspension.TenantId, suspension.CaseId, c => c.AwaitsDecision ? c.Postpone(by, until, now) : null, cancellationToken).ConfigureAwait(false);
        if (postponed is { Changed: true })
        {
            Log.Postponed(logger, suspension.TenantId, suspension.CaseId, by.ObjectId, until);
            await RefreshApprovalMessageAsync(postponed.Case, customer, cancellationToken).ConfigureAwait(false);
        }

        return postponed?.Case;
    }

    /// <summary>The days a decision may be postponed to, in the customer's calendar: from tomorrow to <see cref="Cards.ApprovalCard.MaxPostponeDays"/> ahead.</summary>
    public (DateOnly First, DateOnly Last) PostponeWindow(Customer customer)
    {
        var today = customer.LocalDate(time.GetUtcNow());
        return (today.AddDays(1), today.AddDays(Cards.ApprovalCard.MaxPostponeDays));
    }

    private async Task AskAgentsAsync(SuspensionCase suspension, Customer customer, CancellationToken cancellationToken)
    {
        var card = await cards.ApprovalAsync(suspension, customer, withActions: true, cancellationToken).ConfigureAwait(false);
        var posted = await channel.PostAsync(serializer.CreateMessage(card, card.FallbackText), "the suspension approval request", cancellationToken).ConfigureAwait(false);
        if (posted is null)
        {
            // The case stays Requested without a message: every sweep's ReconcileAsync tries again.
            Log.ApprovalKept(logger, suspension.TenantId, suspension.CaseId);
            return;
        }

        var now = time.GetUtcNow();
        await cases.UpdateAsync(suspension.TenantId, suspension.CaseId, c => c.AwaitsDecision && c.ApprovalMessage is null ? c.AskedAgents(posted, now) : null, cancellationToken).ConfigureAwait(false);
        Log.AskedAgents(logger, suspension.TenantId, suspension.CaseId);
    }

    private async Task<SuspensionCase> SuspendAsync(SuspensionCase approved, Customer customer, AccountStanding standing, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var numbers = standing.Overdue.Count > 0 ? standing.Overdue.Select(i => i.Number).ToList() : [.. approved.InvoiceNumbers];
        var order = await access.SuspendAsync(
            new AccessChange(approved.CaseId + "-suspend", approved.TenantId, approved.CaseId, numbers, approved.LastDecision?.ByObjectId ?? Bot, now),
            cancellationToken).ConfigureAwait(false);
        var suspended = await cases.UpdateAsync(approved.TenantId, approved.CaseId, c => c.State == SuspensionState.Approved ? c.Suspended(order, now) : null, cancellationToken).ConfigureAwait(false);
        var current = suspended?.Case ?? approved;
        if (suspended is { Changed: true })
        {
            Log.Suspended(logger, approved.TenantId, approved.CaseId, order.OrderId);
        }

        if (current.State == SuspensionState.Suspended && !current.CustomerToldOfSuspension)
        {
            current = await TellOfSuspensionAsync(current, customer, standing.Overdue, cancellationToken).ConfigureAwait(false);
        }

        await RefreshApprovalMessageAsync(current, customer, cancellationToken).ConfigureAwait(false);
        return current;
    }

    private async Task<SuspensionCase> TellOfSuspensionAsync(SuspensionCase suspended, Customer customer, IReadOnlyList<Invoice> overdue, CancellationToken cancellationToken)
    {
        var delivery = await customerNotices.TellBillingContactsAsync(customer, cards.Suspended(customer, overdue), cancellationToken).ConfigureAwait(false);
        await AskTeamToTellAsync(customer, delivery, "Notice_UnreachableSuspended", cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var told = await cases.UpdateAsync(suspended.TenantId, suspended.CaseId, c => c.CustomerToldOfSuspension ? null : c.ToldOfSuspension(delivery.Reached.Count, delivery.Contacts, now), cancellationToken).ConfigureAwait(false);
        return told?.Case ?? suspended;
    }

    private async Task RestoreAsync(SuspensionCase suspended, Customer customer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var order = await access.RestoreAsync(
            new AccessChange(suspended.CaseId + "-restore", suspended.TenantId, suspended.CaseId, suspended.InvoiceNumbers, Bot, now),
            cancellationToken).ConfigureAwait(false);
        var restored = await cases.UpdateAsync(suspended.TenantId, suspended.CaseId, c => c.State == SuspensionState.Suspended ? c.Restore(order, now) : null, cancellationToken).ConfigureAwait(false);
        if (restored is { Changed: true })
        {
            Log.Restored(logger, suspended.TenantId, suspended.CaseId, order.OrderId);
            await TellOfRestoreAsync(restored.Case, customer, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task TellOfRestoreAsync(SuspensionCase restored, Customer customer, CancellationToken cancellationToken)
    {
        var delivery = await customerNotices.TellBillingContactsAsync(customer, cards.Restored(customer), cancellationToken).ConfigureAwait(false);
        var t = cards.AgentsFormat.Texts;
        await notifier.NotifyAsync(new BillingTeamNotice(customer.TenantId, t.Format("Notice_RestoredSubject", customer.Name), t.Format("Notice_RestoredDetails", restored.RestoreOrderId)), cancellationToken).ConfigureAwait(false);
        await AskTeamToTellAsync(customer, delivery, "Notice_UnreachableRestored", cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var told = await cases.UpdateAsync(restored.TenantId, restored.CaseId, c => c.State == SuspensionState.Restored && !c.CustomerToldOfRestore ? c.ToldOfRestore(delivery.Reached.Count, delivery.Contacts, now) : null, cancellationToken).ConfigureAwait(false);
        await RefreshApprovalMessageAsync(told?.Case ?? restored, customer, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SuspensionCase?> WithdrawAsync(SuspensionCase open, Customer customer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var withdrawn = await cases.UpdateAsync(open.TenantId, open.CaseId, c => c.AwaitsDecision || c.State == SuspensionState.Postponed ? c.Withdraw(now) : null, cancellationToken).ConfigureAwait(false);
        if (withdrawn is { Changed: true })
        {
            Log.Withdrawn(logger, open.TenantId, open.CaseId);
            await RefreshApprovalMessageAsync(withdrawn.Case, customer, cancellationToken).ConfigureAwait(false);
        }

        return withdrawn?.Case;
    }

    /// <summary>When a notice reached none or only some of the billing contacts, the billing team is asked to tell them another way.</summary>
    private async Task AskTeamToTellAsync(Customer customer, NoticeDelivery delivery, string detailsText, CancellationToken cancellationToken)
    {
        if (delivery.Unreachable.Count == 0 && delivery.Contacts > 0)
        {
            return;
        }

        var t = cards.AgentsFormat.Texts;
        var details = delivery.Contacts == 0
            ? t["Notice_NoBillingContacts"]
            : t.Format(detailsText, string.Join(", ", delivery.Unreachable.Select(c => $"{c.Name} ({c.Email})")));
        await notifier.NotifyAsync(new BillingTeamNotice(customer.TenantId, t.Format("Notice_UnreachableSubject", customer.Name), details), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Shows everyone in the channel the case as it stands now, in place of the approval request posted earlier.</summary>
    private async Task RefreshApprovalMessageAsync(SuspensionCase suspension, Customer customer, CancellationToken cancellationToken)
    {
        if (suspension.ApprovalMessage is not { } message)
        {
            return;
        }

        var card = await cards.ApprovalAsync(suspension, customer, withActions: true, cancellationToken).ConfigureAwait(false);
        await channel.UpdateAsync(message, serializer.CreateMessage(card, card.FallbackText), "the updated suspension approval card", cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(7030, LogLevel.Information, "Suspension case {CaseId} opened for tenant {TenantId}")]
        public static partial void Opened(ILogger logger, string tenantId, string caseId);

        [LoggerMessage(7031, LogLevel.Information, "Suspension case {CaseId} of tenant {TenantId}: approval requested in the agents' channel")]
        public static partial void AskedAgents(ILogger logger, string tenantId, string caseId);

        [LoggerMessage(7032, LogLevel.Warning, "Suspension case {CaseId} of tenant {TenantId}: the approval request could not be posted; it is kept and tried again on every sweep")]
        public static partial void ApprovalKept(ILogger logger, string tenantId, string caseId);

        [LoggerMessage(7033, LogLevel.Information, "Suspension case {CaseId} of tenant {TenantId} approved by {ObjectId}")]
        public static partial void Approved(ILogger logger, string tenantId, string caseId, string objectId);

        [LoggerMessage(7034, LogLevel.Information, "Suspension case {CaseId} of tenant {TenantId} postponed by {ObjectId} until {Until}")]
        public static partial void Postponed(ILogger logger, string tenantId, string caseId, string objectId, DateOnly until);

        [LoggerMessage(7035, LogLevel.Information, "Suspension case {CaseId} of tenant {TenantId}: the postponement is over, the admins are asked again")]
        public static partial void AskedAgain(ILogger logger, string tenantId, string caseId);

        [LoggerMessage(7036, LogLevel.Warning, "Suspension case {CaseId} of tenant {TenantId}: access suspended (order {OrderId})")]
        public static partial void Suspended(ILogger logger, string tenantId, string caseId, string orderId);

        [LoggerMessage(7037, LogLevel.Information, "Suspension case {CaseId} of tenant {TenantId} withdrawn: nothing is overdue any more")]
        public static partial void Withdrawn(ILogger logger, string tenantId, string caseId);

        [LoggerMessage(7038, LogLevel.Information, "Suspension case {CaseId} of tenant {TenantId}: access restored (order {OrderId})")]
        public static partial void Restored(ILogger logger, string tenantId, string caseId, string orderId);
    }
}
