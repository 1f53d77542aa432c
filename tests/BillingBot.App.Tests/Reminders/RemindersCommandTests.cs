using System.Globalization;
using BillingBot.App.Commands;
using BillingBot.App.Commands.Reminders;
using BillingBot.App.Tests.Commands;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing.Reminders;
using BillingBot.Storage.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Reminders;

/// <summary>`reminders --dry-run --date`: the admin sees what a day's sweeps would send, and nothing is sent or claimed.</summary>
public sealed class RemindersCommandTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    /// <summary>Wednesday 25 November 2026, a week before the day looked at.</summary>
    private static readonly DateTimeOffset LastWednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Day = new(2026, 12, 1);

    [Fact]
    public async Task Given_invoices_at_stages_on_a_day_When_an_admin_runs_a_dry_run_for_it_Then_a_table_lists_each_reminder_without_amounts_and_nothing_is_sent_or_claimed()
    {
        await using var world = await new ReminderWorld(env, LastWednesday).InitializeAsync();
        var fabrikam = await world.AddCustomerAsync("Fabrikam Polska sp. z o.o.");
        var contoso = await world.AddCustomerAsync("Contoso Ltd", locale: "en-GB");
        var t = fabrikam.TenantId;
        await world.AddInvoiceAsync(t, "FV/2026/11/801", Day);
        await world.AddInvoiceAsync(t, "FV/2026/11/802", Day.AddDays(7));
        await world.AddInvoiceAsync(t, "FV/2027/03/803", new DateOnly(2027, 3, 15));
        await world.AddInvoiceAsync(t, "FV/2026/10/804", Day.AddDays(-30));
        await world.AddInvoiceAsync(contoso.TenantId, "INV/2026/11/805", Day);
        var alreadySent = new ReminderDelivery(
            new PlannedReminder(t, "FV/2026/11/801", ReminderKind.DueToday, 0, Day, "due", [new ReminderRecipient(fabrikam.Anna, "pl")]),
            new ReminderRecipient(fabrikam.Anna, "pl"));
        var claim = await world.Ledger.TryClaimAsync(alreadySent, "earlier", TimeSpan.FromMinutes(2), CancellationToken.None);
        await world.Ledger.RecordSentAsync(claim!, new ReminderSentTo("1", "a:1", world.Channel.ServiceUrl.ToString()), CancellationToken.None);
        var instance = world.StartInstance("admin");
        var requests = world.Channel.Requests.Count;

        var result = await RunAsync(instance, "--dry-run", "--date", "2026-12-01");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Reminders for 2026-12-01 (dry run: nothing is sent or claimed): 4 reminders, 7 deliveries, 6 still to send.", lines[0]);
        Assert.Equal("Customer | Invoice | Stage | Local send day | Recipients | Language | Ledger", string.Join(" | ", lines[1].Split('|').Select(c => c.Trim())));
        AssertRow(lines, "FV/2026/11/801", "Fabrikam Polska sp. z o.o.", "due (DueToday)", "2026-12-01 from 09:00", "Anna Kowalska, Piotr Zieliński", "pl", "sent 1, to send 1");
        AssertRow(lines, "FV/2026/11/802", "Fabrikam Polska sp. z o.o.", "before-7 (Upcoming)", "2026-12-01 from 09:00", "Anna Kowalska, Piotr Zieliński", "pl", "to send 2");
        AssertRow(lines, "FV/2026/10/804", "Fabrikam Polska sp. z o.o.", "suspension-30 (Suspension)", "2026-12-01 from 09:00", "billing admins (approval)", "-", "to send");
        AssertRow(lines, "INV/2026/11/805", "Contoso Ltd", "due (DueToday)", "2026-12-01 from 09:00", "Anna Kowalska, Piotr Zieliński", "en", "to send 2");
        Assert.DoesNotContain("FV/2027/03/803", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("PLN", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("1230", result.Out, StringComparison.Ordinal);
        Assert.Equal(requests, world.Channel.Requests.Count);
        Assert.Single(await world.Ledger.ListForTenantAsync(t, CancellationToken.None));
        Assert.Empty(await world.Ledger.ListForTenantAsync(contoso.TenantId, CancellationToken.None));
        Assert.Empty(world.Suspensions.Requested);
    }

    [Fact]
    public async Task A_dry_run_for_a_saturday_lists_nothing_because_reminders_wait_for_a_working_day()
    {
        await using var world = await new ReminderWorld(env, LastWednesday).InitializeAsync();
        var customer = await world.AddCustomerAsync();
        await world.AddInvoiceAsync(customer.TenantId, "FV/2026/11/811", new DateOnly(2026, 12, 5));
        var instance = world.StartInstance("admin");

        var saturday = await RunAsync(instance, "--dry-run", "--date=2026-12-05");
        var monday = await RunAsync(instance, "--dry-run", "--date=2026-12-07");

        Assert.StartsWith("Reminders for 2026-12-05 (dry run: nothing is sent or claimed): 0 reminders", saturday.Out, StringComparison.Ordinal);
        Assert.Contains("FV/2026/11/811", monday.Out, StringComparison.Ordinal);
        Assert.Contains("due (DueToday)", monday.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--date", "2026-12-01")]
    [InlineData("--dry-run", "--date", "01.12.2026")]
    [InlineData("--dry-run", "--send")]
    public async Task Arguments_that_do_not_ask_for_a_dry_run_of_a_day_are_a_usage_error(params string[] arguments)
    {
        await using var world = await new ReminderWorld(env, LastWednesday).InitializeAsync();
        var instance = world.StartInstance("admin");

        var result = await RunAsync(instance, arguments);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Usage: reminders --dry-run [--date yyyy-MM-dd]", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task The_real_command_line_routes_reminders_to_the_dry_run()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Storage"] = env.Azurite.ConnectionString,
            ["Storage__TablePrefix"] = prefix,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (seedCode, _, _) = await AppProcess.RunAsync(["seed"], environment);
        var (code, output, error) = await AppProcess.RunAsync(["reminders", "--dry-run", "--date", day], environment);

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (seedCode, code));
        Assert.StartsWith($"Reminders for {day} (dry run: nothing is sent or claimed)", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    private static void AssertRow(string[] lines, string invoice, params string[] cells)
    {
        var row = Assert.Single(lines, l => l.Contains($"| {invoice} ", StringComparison.Ordinal));
        var actual = row.Split('|').Select(c => c.Trim()).ToList();
        Assert.Equal([cells[0], invoice, .. cells[1..]], actual);
    }

    private static async Task<CommandResult> RunAsync(ReminderInstance instance, params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var command = ActivatorUtilities.CreateInstance<RemindersCommand>(instance.Services);
        var exitCode = await command.RunAsync(arguments, new CommandConsole(output, error), CancellationToken.None);
        return new CommandResult(exitCode, output.ToString(), error.ToString());
    }
}
