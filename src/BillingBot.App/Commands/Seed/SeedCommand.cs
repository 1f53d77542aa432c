using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using BillingBot.Storage.Tables;

namespace BillingBot.App.Commands.Seed;

/// <summary>
/// `seed`: creates the tables and loads the demo data set as of today (see <see cref="DemoData"/>). Everything is an
/// upsert by key, so running it again the same day changes nothing; on a later day the demo tenants' invoices are
/// brought to that day and the ones no longer in the set removed. Tenants other than the demo ones are never touched.
/// </summary>
public sealed class SeedCommand(
    TableStore tables,
    ICustomerRepository customers,
    IInvoiceRepository invoices,
    IPaymentRepository payments,
    TimeProvider time) : IAppCommand
{
    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CommandConsole console, CancellationToken cancellationToken)
    {
        if (arguments.Count > 0)
        {
            await console.Error.WriteLineAsync("Usage: seed   (it takes no arguments)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await tables.EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var demo = DemoData.For(now);

        await customers.UpsertManyAsync(demo.Customers, cancellationToken).ConfigureAwait(false);
        var removed = await RemoveOutdatedAsync(demo, cancellationToken).ConfigureAwait(false);
        await invoices.UpsertManyAsync(demo.Invoices, cancellationToken).ConfigureAwait(false);
        await payments.UpsertManyAsync(demo.Payments, cancellationToken).ConfigureAwait(false);

        var byStatus = demo.Invoices
            .GroupBy(i => i.StatusOn(demo.Customers.Single(c => c.TenantId == i.TenantId).LocalDate(now)))
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count()}");
        await console.Out.WriteLineAsync($"Demo data loaded: {demo.Customers.Count} customers, {demo.Invoices.Count} invoices, {demo.Payments.Count} payments.").ConfigureAwait(false);
        await console.Out.WriteLineAsync($"Invoices today: {string.Join(", ", byStatus)}.").ConfigureAwait(false);
        if (removed > 0)
        {
            await console.Out.WriteLineAsync($"Removed {removed} demo invoices of earlier days.").ConfigureAwait(false);
        }

        await console.Out.WriteLineAsync($"Agents Playground customer: tenant {DemoData.PlaygroundTenantId}, user {DemoData.PlaygroundUserObjectId}, invoice {DemoData.ShowcaseInvoiceNumber}.").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Demo invoices from an earlier day whose number is not in today's set (their month changed), with their payments.</summary>
    private async Task<int> RemoveOutdatedAsync(DemoDataSet demo, CancellationToken cancellationToken)
    {
        var current = demo.Invoices.Select(i => (i.TenantId, i.Number)).ToHashSet();
        var removed = 0;
        foreach (var tenantId in DemoData.TenantIds)
        {
            foreach (var stored in await invoices.ListForCustomerAsync(tenantId, cancellationToken).ConfigureAwait(false))
            {
                if (!current.Contains((stored.TenantId, stored.Number)))
                {
                    await invoices.DeleteAsync(stored.TenantId, stored.Number, cancellationToken).ConfigureAwait(false);
                    removed++;
                }
            }
        }

        return removed;
    }
}
