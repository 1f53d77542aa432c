using System.Globalization;
using BillingBot.App.Commands.Seed;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;

namespace BillingBot.Bench.Host;

/// <summary>
/// Copies of the demo's Agents Playground customer (its invoices and payments included) in tenants of their own, so
/// the load spreads over customers as a partner's traffic does, instead of piling into one tenant's rate limit.
/// </summary>
public static class BenchTenants
{
    /// <summary>The conversations of a benchmark run (one person each), spread over the tenants round-robin.</summary>
    public const int ConversationsPerRun = 1000;

    /// <summary>The person of conversation <paramref name="conversation"/> (the load driver's numbering).</summary>
    public static string UserObjectId(int conversation) => string.Create(CultureInfo.InvariantCulture, $"0b0b0b0b-0000-4000-8000-{conversation:000000000000}");

    public static string TenantId(int index) => string.Create(CultureInfo.InvariantCulture, $"7e7e7e7e-0000-4000-8000-{index:000000000000}");

    public static async Task SeedAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var customers = services.GetRequiredService<ICustomerRepository>();
        var invoices = services.GetRequiredService<IInvoiceRepository>();
        var payments = services.GetRequiredService<IPaymentRepository>();
        var demo = DemoData.For(services.GetRequiredService<TimeProvider>().GetUtcNow());
        var template = demo.Customers.Single(c => c.TenantId == DemoData.PlaygroundTenantId);
        var templateInvoices = demo.Invoices.Where(i => i.TenantId == template.TenantId).ToList();
        var templatePayments = demo.Payments.Where(p => p.TenantId == template.TenantId).ToList();

        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (index, ct) =>
        {
            var tenant = TenantId(index);
            // The people of the load's conversations in this tenant are its billing contacts (they see amounts).
            var people = Enumerable.Range(0, ConversationsPerRun).Where(c => c % count == index)
                .Select(c => new BillingContact(UserObjectId(c), string.Create(CultureInfo.InvariantCulture, $"Bench User {c}"), string.Create(CultureInfo.InvariantCulture, $"bench{c}@fabrikam.example"), BillingContactRole.Billing));
            await customers.UpsertAsync(new Customer(tenant, template.Name, template.Currency, template.Locale, template.TimeZoneId, template.PaymentTermDays, template.SupportPlan, [.. template.Contacts, .. people]), ct).ConfigureAwait(false);
            await invoices.UpsertManyAsync(
                [.. templateInvoices.Select(i => new Invoice(i.Number, tenant, i.Period, i.IssueDate, i.DueDate, i.Net, i.Tax, i.Gross, i.AmountPaid, i.Lines, i.PdfUrl, i.Status))], ct).ConfigureAwait(false);
            await payments.UpsertManyAsync([.. templatePayments.Select(p => new Payment(p.PaymentId, tenant, p.InvoiceNumber, p.ReceivedAt, p.Amount, p.Method, p.Reference))], ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }
}
