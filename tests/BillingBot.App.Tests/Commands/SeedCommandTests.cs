using BillingBot.App.Commands;
using BillingBot.App.Commands.Seed;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.TestKit.Azurite;

namespace BillingBot.App.Tests.Commands;

/// <summary>`seed` on Azurite: the demo a user meets in the Agents Playground, loaded once however often it runs.</summary>
public sealed class SeedCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Given_empty_storage_When_seeding_Then_the_Playground_user_is_the_primary_contact_of_a_Polish_customer_with_FV_2026_10_017()
    {
        await using var harness = new CommandHarness(azurite);

        var result = await harness.RunAsync<SeedCommand>();

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var customer = await harness.Customers.FindAsync("00000000-0000-0000-0000-0000000000001", CancellationToken.None);
        Assert.NotNull(customer);
        Assert.Equal(("pl-PL", "PLN"), (customer.Locale, customer.Currency));
        Assert.Equal(BillingContactRole.Primary, customer.FindContact("00000000-0000-0000-0000-0000000000020")?.Role);
        Assert.True(customer.CanSeeAmounts("00000000-0000-0000-0000-0000000000020"));
        Assert.Contains(customer.Contacts, c => c.Role == BillingContactRole.Technical && !customer.CanSeeAmounts(c.ObjectId));

        var invoice = await harness.Invoices.FindAsync(customer.TenantId, "FV/2026/10/017", CancellationToken.None);
        Assert.NotNull(invoice);
        Assert.Equal(InvoiceStatus.Overdue, invoice.StatusOn(new DateOnly(2026, 11, 25)));
        Assert.Equal(12, invoice.DaysPastDueOn(new DateOnly(2026, 11, 25)));
        Assert.True((await harness.Invoices.ListForCustomerAsync(customer.TenantId, CancellationToken.None)).Count >= 12);
    }

    [Fact]
    public async Task The_summary_gives_counts_and_no_amounts()
    {
        await using var harness = new CommandHarness(azurite);

        var result = await harness.RunAsync<SeedCommand>();

        var demo = DemoData.For(CommandHarness.Today);
        Assert.Contains($"{demo.Customers.Count} customers, {demo.Invoices.Count} invoices, {demo.Payments.Count} payments", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("PLN", result.Out, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+\.\d\d", result.Out);
    }

    [Fact]
    public async Task The_Playground_customer_has_invoices_in_every_status_and_at_every_stage_of_overdue()
    {
        await using var harness = new CommandHarness(azurite);
        await harness.RunAsync<SeedCommand>();
        var today = new DateOnly(2026, 11, 25);

        var invoices = await harness.Invoices.ListForCustomerAsync(DemoData.PlaygroundTenantId, CancellationToken.None);

        Assert.Equal(Enum.GetValues<InvoiceStatus>().ToHashSet(), invoices.Select(i => i.StatusOn(today)).ToHashSet());
        Assert.Superset(new HashSet<int> { 2, 12, 25, 40 }, invoices.Select(i => i.DaysPastDueOn(today)).ToHashSet());
        Assert.Contains(invoices, i => i.DueDate == today && i.StatusOn(today) == InvoiceStatus.Issued);
        Assert.Contains(invoices, i => i.DueDate == today.AddDays(7) && i.StatusOn(today) == InvoiceStatus.Issued);
        Assert.Contains(invoices, i => i.DaysPastDueOn(today) == 25 && !i.AmountPaid.IsZero);
        Assert.All(invoices, i => Assert.InRange(i.IssueDate, today.AddMonths(-12), today));
    }

    [Fact]
    public async Task Demo_invoices_look_like_a_CSP_partners_Polish_with_VAT_and_EU_without_and_point_at_their_PDFs()
    {
        await using var harness = new CommandHarness(azurite);
        await harness.RunAsync<SeedCommand>();
        var customers = await harness.Customers.ListAsync(CancellationToken.None);
        var invoices = (await Task.WhenAll(customers.Select(c => harness.Invoices.ListForCustomerAsync(c.TenantId, CancellationToken.None)))).SelectMany(i => i).ToList();

        Assert.Equal(["EUR", "PLN"], customers.Select(c => c.Currency).Distinct().Order());
        Assert.Contains(customers, c => c.Locale == "en-GB");
        Assert.All(invoices.Where(i => i.Currency == "PLN"), i => Assert.Equal(decimal.Round(i.Net.Amount * 0.23m, 2, MidpointRounding.AwayFromZero), i.Tax.Amount));
        Assert.All(invoices.Where(i => i.Currency == "EUR"), i => Assert.True(i.Tax.IsZero));
        Assert.All(invoices, i => Assert.StartsWith("https://billing.contoso.example/", i.PdfUrl!.AbsoluteUri, StringComparison.Ordinal));
        var products = invoices.SelectMany(i => i.Lines).Select(l => l.Product).ToHashSet();
        Assert.Superset(new HashSet<string> { "Microsoft 365 Business Premium", "Azure consumption", "Dynamics 365 Business Central Essentials" }, products);
        Assert.Equal(Enum.GetValues<InvoiceStatus>().ToHashSet(), invoices.Select(i => i.StatusOn(customers.Single(c => c.TenantId == i.TenantId).LocalDate(CommandHarness.Today))).ToHashSet());
    }

    [Fact]
    public async Task What_each_invoice_has_paid_is_the_sum_of_its_recorded_payments()
    {
        await using var harness = new CommandHarness(azurite);
        await harness.RunAsync<SeedCommand>();

        foreach (var customer in await harness.Customers.ListAsync(CancellationToken.None))
        {
            var payments = await harness.Payments.ListForCustomerAsync(customer.TenantId, CancellationToken.None);
            Assert.All(payments, p => Assert.True(p.ReceivedAt <= CommandHarness.Today));
            foreach (var invoice in await harness.Invoices.ListForCustomerAsync(customer.TenantId, CancellationToken.None))
            {
                var paid = payments.Where(p => p.InvoiceNumber == invoice.Number).Aggregate(Money.Zero(invoice.Currency), (sum, p) => sum + p.Amount);
                Assert.Equal(paid, invoice.AmountPaid);
            }
        }
    }

    [Fact]
    public async Task Seeding_twice_the_same_day_changes_nothing()
    {
        await using var harness = new CommandHarness(azurite);
        var first = await harness.RunAsync<SeedCommand>();
        var before = await harness.SnapshotAsync(DemoData.TenantIds);

        harness.Time.Advance(TimeSpan.FromHours(3));
        var second = await harness.RunAsync<SeedCommand>();

        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Equal(before, await harness.SnapshotAsync(DemoData.TenantIds));
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public async Task Seeding_weeks_later_moves_the_demo_to_that_day_and_keeps_nothing_of_the_earlier_one()
    {
        await using var harness = new CommandHarness(azurite);
        await harness.RunAsync<SeedCommand>();

        harness.Time.Advance(TimeSpan.FromDays(45));
        var later = await harness.RunAsync<SeedCommand>();

        var today = new DateOnly(2026, 11, 25).AddDays(45);
        var expected = DemoData.For(harness.Time.GetUtcNow());
        Assert.Contains("Removed", later.Out, StringComparison.Ordinal);
        var invoices = await harness.Invoices.ListForCustomerAsync(DemoData.PlaygroundTenantId, CancellationToken.None);
        Assert.Equal(expected.Invoices.Where(i => i.TenantId == DemoData.PlaygroundTenantId).Select(i => i.Number).Order(), invoices.Select(i => i.Number).Order());
        Assert.Equal(12, invoices.Single(i => i.Number == "FV/2026/10/017").DaysPastDueOn(today));
        var dueThisWeek = await harness.Invoices.ListDueBetweenAsync(today, today.AddDays(7), CancellationToken.None);
        Assert.Equal(
            expected.Invoices.Where(i => i.DueDate >= today && i.DueDate <= today.AddDays(7)).Select(i => i.Number).Order(),
            dueThisWeek.Select(i => i.Number).Order());
    }

    [Fact]
    public async Task Seeding_leaves_customers_that_are_not_part_of_the_demo_alone()
    {
        await using var harness = new CommandHarness(azurite);
        await harness.EnsureTablesAsync();
        var other = new Customer("7d1f0c2e-0000-4000-8000-0000000000aa", "Contoso Real Customer", "PLN", "pl-PL", "Europe/Warsaw", 14, SupportPlan.Basic, []);
        await harness.Customers.UpsertAsync(other, CancellationToken.None);

        await harness.RunAsync<SeedCommand>();

        Assert.Equal(other, await harness.Customers.FindAsync(other.TenantId, CancellationToken.None));
    }

    [Fact]
    public async Task Seed_takes_no_arguments()
    {
        await using var harness = new CommandHarness(azurite);

        Assert.Equal(ExitCodes.Usage, (await harness.RunAsync<SeedCommand>("--force")).ExitCode);
    }
}
