using System.Text.Json.Nodes;
using BillingBot.App.Reminders;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using BillingBot.Billing.Reminders;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Storage;
using BillingBot.Storage.Reminders;
using BillingBot.Storage.Tables;
using BillingBot.TestKit.Channel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.App.Tests.Reminders;

/// <summary>
/// One deployment of the reminder scheduler: tables of its own in Azurite, one fake clock, the fake Teams channel, and
/// recording fakes of the ports others implement. <see cref="StartInstance"/> starts app instances (separate
/// service providers with their own instance ids) that share all of it, as several app servers share storage.
/// </summary>
public sealed class ReminderWorld : IAsyncDisposable
{
    /// <summary>Tuesday 1 December 2026, 10:00 in Warsaw: within the delivery window of a working day.</summary>
    public static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 12, 1);

    private readonly BotEnvironment _env;
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<ReminderInstance> _instances = [];
    private ReminderInstance? _setup;

    public ReminderWorld(BotEnvironment env, DateTimeOffset? now = null)
    {
        _env = env;
        Time = new FakeTimeProvider(now ?? Tuesday);
    }

    public FakeTimeProvider Time { get; }

    public FakeTeamsChannel Channel => _env.Channel;

    public TestReminderMessages Messages { get; } = new();

    public RecordingSuspensionWorkflow Suspensions { get; } = new();

    public RecordingBillingTeamNotifier BillingTeam { get; } = new();

    /// <summary>Storage as any instance sees it, for arranging and inspecting.</summary>
    public IServiceProvider Setup => _setup?.Services ?? throw new InvalidOperationException("Call InitializeAsync first.");

    public async Task<ReminderWorld> InitializeAsync()
    {
        _setup = Build("setup", null, null, null);
        await Setup.GetRequiredService<TableStore>().EnsureTablesAsync(CancellationToken.None);
        return this;
    }

    /// <summary>Starts an app instance against this world's storage, clock and channel; <paramref name="services"/> may replace what it registered.</summary>
    public ReminderInstance StartInstance(string id, ReminderSweepHooks? hooks = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var instance = Build(id, hooks, settings, services);
        _instances.Add(instance);
        return instance;
    }

    public async Task<TestCustomer> AddCustomerAsync(string name = "Fabrikam Polska sp. z o.o.", bool connect = true, string locale = "pl-PL")
    {
        var (anna, piotr, tomasz) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var customer = new Customer(Guid.NewGuid().ToString(), name, "PLN", locale, "Europe/Warsaw", 14, SupportPlan.Standard,
        [
            new BillingContact(anna, "Anna Kowalska", "anna@fabrikam.example", BillingContactRole.Primary),
            new BillingContact(piotr, "Piotr Zieliński", "piotr@fabrikam.example", BillingContactRole.Billing),
            new BillingContact(tomasz, "Tomasz Nowak", "it@fabrikam.example", BillingContactRole.Technical),
        ]);
        await Setup.GetRequiredService<ICustomerRepository>().UpsertAsync(customer, CancellationToken.None);
        var added = new TestCustomer(customer, anna, piotr, tomasz);
        if (connect)
        {
            await ConnectAsync(added.TenantId, anna);
            await ConnectAsync(added.TenantId, piotr);
            await ConnectAsync(added.TenantId, tomasz);
        }

        return added;
    }

    /// <summary>Stores the 1:1 chat of a person with the bot, as the bot does when they install it; returns its conversation id.</summary>
    public async Task<string> ConnectAsync(string tenantId, string objectId)
    {
        var conversationId = Activities.NewConversationId();
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = Channel.ServiceUrl.ToString(),
            Bot = new ChannelAccount(Activities.BotId, "BillingBot"),
            User = new ChannelAccount("29:" + objectId) { AadObjectId = objectId },
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = tenantId },
            ActivityId = "1732500000000",
        };
        await References.SaveAsync(new StoredConversationReference(tenantId, ReminderConversations.OwnerOf(objectId), reference, true, Time.GetUtcNow()), CancellationToken.None);
        return conversationId;
    }

    /// <summary>An unpaid invoice of 1 230,00 PLN issued 14 days before its due date.</summary>
    public async Task<Invoice> AddInvoiceAsync(string tenantId, string number, DateOnly due, InvoiceStatus status = InvoiceStatus.Issued, int termDays = 14)
    {
        var issued = due.AddDays(-termDays);
        var invoice = new Invoice(number, tenantId, BillingPeriod.Month(issued.Year, issued.Month), issued, due,
            new Money(1000m, "PLN"), new Money(230m, "PLN"), new Money(1230m, "PLN"), Money.Zero("PLN"), [], null, status);
        await Setup.GetRequiredService<IInvoiceRepository>().UpsertAsync(invoice, CancellationToken.None);
        return invoice;
    }

    public Task PayAsync(string tenantId, string number) =>
        Setup.GetRequiredService<IPaymentRepository>().UpsertAsync(
            new Payment("P-" + Guid.NewGuid().ToString("N")[..8], tenantId, number, Time.GetUtcNow(), new Money(1230m, "PLN"), PaymentMethod.BankTransfer, number),
            CancellationToken.None);

    public IConversationReferenceStore References => Setup.GetRequiredService<IConversationReferenceStore>();

    public IReminderControls Controls => Setup.GetRequiredService<IReminderControls>();

    public TableReminderLedger Ledger => Setup.GetRequiredService<TableReminderLedger>();

    /// <summary>The reminders Teams accepted for these tenants (each text a delivery id), in order; card updates excluded.</summary>
    public IReadOnlyList<string> Delivered(params string[] tenantIds) =>
        [.. Accepted().Select(a => a.Text).Where(text => tenantIds.Any(t => text.StartsWith(t + "|", StringComparison.Ordinal)))];

    /// <summary>The reminders Teams accepted in one conversation, in order; card updates excluded.</summary>
    public IReadOnlyList<string> TextsIn(string conversationId) =>
        [.. Accepted().Where(a => a.ConversationId == conversationId).Select(a => a.Text)];

    /// <summary>The card updates (PUT) Teams received in one conversation.</summary>
    public IReadOnlyList<ReceivedRequest> UpdatesIn(string conversationId) =>
        [.. Channel.Requests.Where(r => r.ConversationId == conversationId && r.Method == "PUT")];

    /// <summary>Every request Teams received in one conversation, answered or refused.</summary>
    public IReadOnlyList<ReceivedRequest> RequestsTo(string conversationId) =>
        [.. Channel.Requests.Where(r => r.ConversationId == conversationId)];

    private IEnumerable<(string ConversationId, string Text)> Accepted() =>
        Channel.SentActivities
            .Where(a => a["text"] is JsonValue && a["conversation"]?["id"] is JsonValue)
            .Select(a => (a["conversation"]!["id"]!.GetValue<string>(), a["text"]!.GetValue<string>()))
            .Where(a => !a.Item2.StartsWith(TestReminderMessages.UpdatedPrefix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        if (_setup is not null)
        {
            await _setup.DisposeAsync();
        }
    }

    private ReminderInstance Build(string id, ReminderSweepHooks? hooks, IDictionary<string, string?>? settings, Action<IServiceCollection>? replace)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = _env.Azurite.ConnectionString,
            ["Storage:TablePrefix"] = _prefix,
            ["Reminders:InstanceId"] = id,
            // The channel's answers decide; the connector's own retries would wait on the fake clock.
            ["Connector:MaxRetries"] = "0",
            // One person at a time, so the requests come in the plan's order and a test can script the channel's answers
            // in that order; ReminderSweepTests covers several people at once (the production default).
            ["Reminders:MaxParallelPeople"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging();
        services.AddSingleton<IAccessTokenProvider>(new StaticTokenProvider());
        services.AddTableStorage(configuration);
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection("Connector"));
        services.AddBotConnector();
        services.AddSingleton(CollectionPolicy.Default);
        services.AddSingleton<IReminderMessageFactory>(Messages);
        services.AddSingleton<ISuspensionWorkflow>(Suspensions);
        services.AddSingleton<IBillingTeamNotifier>(BillingTeam);
        services.AddSingleton(hooks ?? new ReminderSweepHooks());
        services.AddReminders(configuration);
        replace?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        // The fake channel is on loopback; Teams' hosts are trusted by configuration, this one by hand.
        provider.GetRequiredService<TrustedServiceUrls>().Trust(Channel.ServiceUrl.ToString());
        return new ReminderInstance(id, provider);
    }

    private sealed class StaticTokenProvider : IAccessTokenProvider
    {
        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(BotHost.OutboundToken);
    }
}
