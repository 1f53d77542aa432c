using System.Collections.Concurrent;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Storage.Reminders;
using Microsoft.Extensions.Options;

namespace BillingBot.App.Reminders;

/// <summary>
/// One pass over the customers that may have reminders due: per customer, its open invoices and controls go to the planner,
/// and each reminder it returns is delivered once per recipient (the suspension stage once, to the suspension
/// workflow); then sent cards follow their invoices and the suspension workflow reconciles the customer's access.
/// Several instances may sweep at once: the ledger's claims decide who sends what.
/// </summary>
public sealed partial class ReminderSweep(
    ReminderCandidates candidates,
    ICustomerRepository customers,
    IInvoiceRepository invoices,
    IReminderControls controls,
    CollectionPolicyBook policies,
    ReminderDeliverer deliverer,
    ReminderCards cards,
    ISuspensionWorkflow suspensions,
    TableReminderWatch watch,
    ReminderSweepHooks hooks,
    IOptions<ReminderOptions> options,
    ILogger<ReminderSweep> logger)
{
    // Customers whose last visit left nothing open, by tenant: this instance's own memory, lost on restart (harmless).
    private readonly ConcurrentDictionary<string, SettledTenant> _settled = new(StringComparer.Ordinal);

    /// <summary>Sweeps once as of <paramref name="now"/>. Failures of one customer are logged and the others still swept.</summary>
    public async Task<ReminderSweepResult> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tally = new ReminderSweepTally();
        await deliverer.RecordUnrecordedAsync(tally, cancellationToken).ConfigureAwait(false);
        var found = await candidates.FindAsync(now, cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(
            found.Tenants,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelTenants, CancellationToken = cancellationToken },
            async (candidate, token) => await VisitAsync(candidate, now, tally, token).ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var expired in found.Expired)
        {
            await watch.ForgetAsync(expired, cancellationToken).ConfigureAwait(false);
        }

        var result = tally.ToResult();
        Log.Swept(logger, result.Tenants, result.Planned, result.Sent, result.ApprovalsRequested, result.Skipped, result.Undeliverable, result.Failed, result.CardsUpdated);
        return result;
    }

    private async Task VisitAsync(ReminderCandidate candidate, DateTimeOffset now, ReminderSweepTally tally, CancellationToken cancellationToken)
    {
        var tenantId = candidate.TenantId;
        var policy = policies.For(tenantId);
        if (IsSettled(candidate, policy, now))
        {
            tally.TenantSettled();
            return;
        }

        _settled.TryRemove(tenantId, out _);
        try
        {
            if (await customers.FindAsync(tenantId, cancellationToken).ConfigureAwait(false) is not { } customer)
            {
                return;
            }

            tally.Tenant();
            // What is still owed or disputed: the planner, the suspension workflow and the watch need nothing else, and the
            // customer's settled history (most of what is stored) is not read. A sent card whose invoice was settled since is
            // read on its own by the card updater.
            var invoiceList = await invoices.ListOpenForCustomerAsync(tenantId, cancellationToken).ConfigureAwait(false);
            var controlSet = await controls.ForCustomerAsync(tenantId, cancellationToken).ConfigureAwait(false);
            var plan = ReminderPlanner.Plan(new ReminderInputs(customer, invoiceList, controlSet), policy, now);
            await hooks.AfterPlanAsync(customer, plan, cancellationToken).ConfigureAwait(false);

            // One person's reminders go one after another, in the plan's order, in their chat (and under its limits);
            // several people of the customer are reached at once. The suspension stage (no recipient) is a queue of its own.
            var open = 0;
            var people = plan.SelectMany(ReminderDelivery.Of).GroupBy(d => d.Recipient?.ObjectId ?? string.Empty, StringComparer.Ordinal);
            await Parallel.ForEachAsync(
                people,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelPeople, CancellationToken = cancellationToken },
                async (person, token) =>
                {
                    foreach (var delivery in person)
                    {
                        tally.Planned(1);
                        var outcome = await deliverer.DeliverAsync(delivery, customer, tally, token).ConfigureAwait(false);
                        if (outcome is not (ReminderDeliveryOutcome.Done or ReminderDeliveryOutcome.Sent or ReminderDeliveryOutcome.ApprovalRequested
                            or ReminderDeliveryOutcome.Skipped or ReminderDeliveryOutcome.Undeliverable))
                        {
                            Interlocked.Increment(ref open);
                        }
                    }
                }).ConfigureAwait(false);
            var settled = open == 0;

            settled &= await cards.UpdateAsync(customer, invoiceList, now, tally, cancellationToken).ConfigureAwait(false);
            await suspensions.ReconcileAsync(customer, invoiceList, cancellationToken).ConfigureAwait(false);
            await KeepWatchingAsync(customer, invoiceList, policy, now, cancellationToken).ConfigureAwait(false);
            if (settled)
            {
                var (day, deliveryTime) = Moment(customer, policy, now);
                _settled[tenantId] = new SettledTenant(candidate.Fingerprint, customer, day, deliveryTime, now);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // One customer's bad data, a storage outage or a stray timeout must not stop the others; its claims
            // expire and are retried. Only the sweep's own cancellation (shutdown) ends the sweep.
            tally.TenantFailed();
            // The billing domain's invariant messages quote amounts, which never go to logs: only what broke is kept.
            Log.TenantFailed(logger, tenantId, ex is ArgumentException invalid
                ? new InvalidDataException($"Stored billing data broke an invariant ({invalid.GetType().Name}, parameter '{invalid.ParamName}').")
                : ex);
        }
    }

    /// <summary>
    /// Whether the customer's last visit left nothing open and nothing since can have changed its plan: the same
    /// invoices and watch in the index, the same day, the same side of its delivery window, not long ago.
    /// </summary>
    private bool IsSettled(ReminderCandidate candidate, CollectionPolicy policy, DateTimeOffset now) =>
        _settled.TryGetValue(candidate.TenantId, out var last)
        && last.Fingerprint == candidate.Fingerprint
        && now - last.At < options.Value.RevisitAfter
        && now >= last.At
        && Moment(last.Customer, policy, now) == (last.LocalDate, last.DeliveryTime);

    private static (DateOnly Day, bool DeliveryTime) Moment(Customer customer, CollectionPolicy policy, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(customer.TimeZoneId));
        var day = DateOnly.FromDateTime(local.DateTime);
        return (day, policy.IsDeliveryTime(day, TimeOnly.FromDateTime(local.DateTime)));
    }

    /// <summary>
    /// An invoice past its suspension date stays owed beyond the due-date window: the tenant is watched while it is, so
    /// the approval, the card updates and the restore of access follow it.
    /// </summary>
    private Task KeepWatchingAsync(Customer customer, IReadOnlyList<Invoice> invoiceList, CollectionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = customer.LocalDate(now);
        return invoiceList.Any(i => i.StatusOn(today) == InvoiceStatus.Overdue && today >= policy.SuspensionDate(i.DueDate))
            ? watch.WatchAsync(customer.TenantId, today, "suspension", cancellationToken)
            : Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(6231, LogLevel.Information, "Reminder sweep: {Tenants} customers, {Planned} planned, {Sent} sent, {Approvals} approvals requested, {Skipped} skipped, {Undeliverable} undeliverable, {Failed} to retry, {CardsUpdated} cards updated")]
        public static partial void Swept(ILogger logger, int tenants, int planned, int sent, int approvals, int skipped, int undeliverable, int failed, int cardsUpdated);

        [LoggerMessage(6232, LogLevel.Error, "Reminders of tenant {TenantId} could not be swept; a later sweep tries again")]
        public static partial void TenantFailed(ILogger logger, string tenantId, Exception exception);
    }
}
