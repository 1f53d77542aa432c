using BillingBot.App.Commands;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using BillingBot.Storage;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.App.Tests.Commands;

/// <summary>The app's storage services on tables of their own in Azurite, a settable clock, and commands run in-process.</summary>
public sealed class CommandHarness : IAsyncDisposable
{
    /// <summary>A weekday in late November, when FV/2026/10/017 is 12 days overdue.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public CommandHarness(AzuriteFixture azurite, DateTimeOffset? now = null, string? connectionString = null)
    {
        Time = new FakeTimeProvider(now ?? Today);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = connectionString ?? azurite.ConnectionString,
            ["Storage:TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..10],
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging();
        services.AddTableStorage(configuration);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    public ICustomerRepository Customers => _services.GetRequiredService<ICustomerRepository>();

    public IInvoiceRepository Invoices => _services.GetRequiredService<IInvoiceRepository>();

    public IPaymentRepository Payments => _services.GetRequiredService<IPaymentRepository>();

    /// <summary>Creates the tables, for tests that write before any command has run.</summary>
    public Task EnsureTablesAsync() => _services.GetRequiredService<TableStore>().EnsureTablesAsync(CancellationToken.None);

    public async Task<CommandResult> RunAsync<TCommand>(params string[] arguments)
        where TCommand : IAppCommand
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var command = ActivatorUtilities.CreateInstance<TCommand>(_services);
        var exitCode = await command.RunAsync(arguments, new CommandConsole(output, error), CancellationToken.None);
        return new CommandResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Everything stored for some tenants, to compare storage before and after.</summary>
    public async Task<string> SnapshotAsync(IEnumerable<string> tenantIds)
    {
        var parts = new List<string>();
        foreach (var tenant in tenantIds.Order(StringComparer.Ordinal))
        {
            var customer = await Customers.FindAsync(tenant, CancellationToken.None);
            parts.Add($"{customer?.Name}|{customer?.Contacts.Count}|{customer?.Currency}");
            parts.AddRange((await Invoices.ListForCustomerAsync(tenant, CancellationToken.None)).Select(Describe));
            parts.AddRange((await Payments.ListForCustomerAsync(tenant, CancellationToken.None)).Select(p => p.ToString()));
        }

        return string.Join('\n', parts);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static string Describe(Invoice i) =>
        $"{i.TenantId} {i.Number} {i.IssueDate:O} {i.DueDate:O} {i.Period.Start:O} {i.Gross} {i.AmountPaid} {i.Status} {i.PdfUrl} {string.Join(';', i.Lines)}";
}
