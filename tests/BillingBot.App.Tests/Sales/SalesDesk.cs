using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.App.Reminders;
using BillingBot.App.Tests.Conversations;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Touchpoints;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.App.Tests.Sales;

/// <summary>
/// The app as the partner runs it with a sales team: the staff of <see cref="PartnerStaff"/> plus two sales agents, the
/// agents' channel (installed) and a sales channel in the same team, sales contacts, and a fake clock on a Monday
/// morning. Customers are created per test, each in a tenant of its own and with a name of its own, so tests of one
/// class share the host without seeing each other's touchpoints.
/// </summary>
public sealed class SalesDesk : IAsyncLifetime
{
    public const string PartnerTenant = PartnerStaff.PartnerTenant;
    public const string AgentsChannelId = PartnerStaff.ChannelId;
    public const string SalesChannelId = "19:sales5f1d2c3b4a59@thread.tacv2";
    public const string TeamId = PartnerStaff.TeamId;
    public const string SalesAgentObjectId = "0a1b2c3d-3333-4e5f-8a9b-0c1d2e3f4a5b";
    public const string SalesAgentName = "Marta Zielińska";
    public const string SecondSalesAgentObjectId = "0a1b2c3d-4444-4e5f-8a9b-0c1d2e3f4a5b";
    public const string SecondSalesAgentName = "Oliver Grant";
    public const string SalesEmail = "sales@contoso.example";

    /// <summary>A Monday, 10:00 in Warsaw: within the reminders' delivery window.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 14, 9, 0, 0, TimeSpan.Zero);

    private readonly BotEnvironment _env = new();
    private HttpClient _http = null!;
    private int _invoiceSequence;

    public SalesDesk()
    {
        Host = new BotHost(_env.Azurite, settings: Settings(), services: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public BotHost Host { get; }

    public BotEnvironment Env => _env;

    public ITouchpoints Touchpoints => Host.Services.GetRequiredService<ITouchpoints>();

    /// <summary>The partner's settings with the sales team: <see cref="PartnerStaff.Settings"/>, two sales agents, the sales channel and contacts.</summary>
    public static Dictionary<string, string?> Settings()
    {
        var settings = PartnerStaff.Settings();
        settings["Staff:Members:2:ObjectId"] = SalesAgentObjectId;
        settings["Staff:Members:2:Name"] = SalesAgentName;
        settings["Staff:Members:2:Roles:0"] = "SalesAgent";
        settings["Staff:Members:3:ObjectId"] = SecondSalesAgentObjectId;
        settings["Staff:Members:3:Name"] = SecondSalesAgentName;
        settings["Staff:Members:3:Roles:0"] = "SalesAgent";
        settings["Staff:Members:3:Roles:1"] = "SupportAgent";
        settings["Agents:SalesChannelId"] = SalesChannelId;
        settings["Sales:Contacts:0:Kind"] = "Email";
        settings["Sales:Contacts:0:Value"] = SalesEmail;
        return settings;
    }

    public async Task InitializeAsync()
    {
        await _env.InitializeAsync();
        _http = Host.CreateHttpClient();
        await InstallInAgentsChannelAsync(Host, _http);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
        await _env.DisposeAsync();
    }

    /// <summary>
    /// A new customer speaking <paramref name="locale"/>, named <paramref name="name"/>, with a primary, a billing and a
    /// technical contact (the primary and technical ones have a chat with the bot) and invoices due in the given days
    /// (negative: overdue).
    /// </summary>
    public async Task<SalesCustomer> NewCustomerAsync(string name, string locale, params int[] dueInDays)
    {
        var tenant = Guid.NewGuid().ToString();
        var polish = locale.StartsWith("pl", StringComparison.Ordinal);
        var primary = new BillingContact(Guid.NewGuid().ToString(), polish ? "Anna Wiśniewska" : "Alice Brown", "primary@customer.example", BillingContactRole.Primary);
        var billing = new BillingContact(Guid.NewGuid().ToString(), polish ? "Karol Lis" : "Ben Carter", "ap@customer.example", BillingContactRole.Billing);
        var technical = new BillingContact(Guid.NewGuid().ToString(), polish ? "Piotr Zając" : "Tom Hill", "it@customer.example", BillingContactRole.Technical);
        var customer = new Customer(tenant, name, polish ? "PLN" : "EUR", locale, polish ? "Europe/Warsaw" : "Europe/Amsterdam", 14, SupportPlan.Standard, [primary, billing, technical]);
        await Host.Services.GetRequiredService<ICustomerRepository>().UpsertAsync(customer, CancellationToken.None);
        var today = customer.LocalDate(Time.GetUtcNow());
        var invoices = dueInDays.Select(days => NewInvoice(customer, today.AddDays(days))).ToList();
        await Host.Services.GetRequiredService<IInvoiceRepository>().UpsertManyAsync(invoices, CancellationToken.None);
        var primaryChat = await InstallForAsync(tenant, primary.ObjectId, locale);
        var technicalChat = await InstallForAsync(tenant, technical.ObjectId, locale);
        return new SalesCustomer(customer, invoices, primaryChat, technicalChat, locale);
    }

    /// <summary>A customer's contact writes in their chat; returns the bot's replies.</summary>
    public Task<IReadOnlyList<Activity>> SayAsync(SalesCustomer customer, BillingContact contact, string text)
    {
        var chat = contact.ObjectId == customer.Technical.ObjectId ? customer.TechnicalChat : customer.PrimaryChat;
        return SayAsync(customer.Customer.TenantId, contact.ObjectId, contact.Name, chat, text, customer.Locale);
    }

    /// <summary>Someone of a tenant writes in a personal chat; returns the bot's replies.</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(string tenantId, string objectId, string name, string conversationId, string text, string locale)
    {
        var message = Activities.Message(_env.Channel.ServiceUrl, conversationId, text, locale);
        message["from"] = new JsonObject { ["id"] = "29:" + objectId, ["name"] = name, ["aadObjectId"] = objectId };
        message["conversation"]!["tenantId"] = tenantId;
        message["channelData"]!["tenant"]!["id"] = tenantId;
        return await SendAsync(message, conversationId);
    }

    /// <summary>Someone of the partner writes a new post in the sales channel; returns the bot's replies in that thread.</summary>
    public async Task<IReadOnlyList<Activity>> PostInSalesChannelAsync(string objectId, string name, string text)
    {
        var thread = SalesChannelId + ";messageid=" + Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999);
        var message = Activities.Message(_env.Channel.ServiceUrl, thread, text, "en-US");
        message["from"] = new JsonObject { ["id"] = "29:" + objectId, ["name"] = name, ["aadObjectId"] = objectId };
        message["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = PartnerTenant, ["id"] = thread };
        message["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = SalesChannelId },
            ["tenant"] = new JsonObject { ["id"] = PartnerTenant },
        };
        return await SendAsync(message, thread);
    }

    /// <summary>The lead cards posted to the sales channel about a customer, oldest first.</summary>
    public IReadOnlyList<AdaptiveCard> LeadCards(Customer customer) => LeadCards(_env, customer);

    public static IReadOnlyList<AdaptiveCard> LeadCards(BotEnvironment env, Customer customer) =>
        [.. CardsPostedTo(env, SalesChannelId).Where(c => BillingCardsTests.CardText(c).Contains(customer.TenantId, StringComparison.Ordinal))];

    /// <summary>Every card posted as a new message to a channel, oldest first.</summary>
    public static IEnumerable<AdaptiveCard> CardsPostedTo(BotEnvironment env, string channelId) =>
        env.RequestsTo(channelId).Where(r => r.Method == "POST" && r.Body is not null)
            .Select(r => SeededConversation.CardOf(r.Body!.Deserialize<Activity>(ProtocolJson.Options)!))
            .OfType<AdaptiveCard>();

    /// <summary>The reminder sweep's run, now (the scheduler does it every few minutes).</summary>
    public Task<ReminderSweepResult> SweepRemindersAsync() =>
        Host.Services.GetRequiredService<ReminderScheduler>().SweepAsync(Time.GetUtcNow(), CancellationToken.None);

    /// <summary>Someone adds the bot to the team of the agents' channel: it stores the channel's reference.</summary>
    public async Task InstallInAgentsChannelAsync(BotHost host, HttpClient http)
    {
        using var response = await host.PostActivityAsync(http, PartnerStaff.ChannelInstall(_env.Channel.ServiceUrl, AgentsChannelId, PartnerStaff.AdminObjectId));
        Assert.True(response.IsSuccessStatusCode, $"The bot answered {(int)response.StatusCode}.");
    }

    private async Task<string> InstallForAsync(string tenantId, string objectId, string locale)
    {
        var conversation = Activities.NewConversationId();
        var install = Activities.InstallationUpdate(_env.Channel.ServiceUrl, conversation, "add", locale);
        install["from"] = new JsonObject { ["id"] = "29:" + objectId, ["aadObjectId"] = objectId };
        install["conversation"]!["tenantId"] = tenantId;
        install["channelData"]!["tenant"]!["id"] = tenantId;
        await SendAsync(install, conversation);
        return conversation;
    }

    private async Task<IReadOnlyList<Activity>> SendAsync(JsonObject activity, string conversationId)
    {
        var before = _env.ActivitiesSentTo(conversationId).Count;
        using var response = await Host.PostActivityAsync(_http, activity);
        Assert.True(response.IsSuccessStatusCode, $"The bot answered {(int)response.StatusCode}.");
        return [.. _env.ActivitiesSentTo(conversationId).Skip(before)];
    }

    private Invoice NewInvoice(Customer customer, DateOnly due)
    {
        var sequence = Interlocked.Increment(ref _invoiceSequence);
        var issued = due.AddDays(-customer.PaymentTermDays);
        var tax = customer.Currency == "PLN" ? 230m : 0m;
        var status = due < customer.LocalDate(Time.GetUtcNow()) ? InvoiceStatus.Overdue : InvoiceStatus.Issued;
        return new Invoice(
            $"FV/{issued:yyyy}/{issued:MM}/{sequence:000}", customer.TenantId, BillingPeriod.Month(issued.AddMonths(-1).Year, issued.AddMonths(-1).Month), issued, due,
            new Money(1000m, customer.Currency), new Money(tax, customer.Currency), new Money(1000m + tax, customer.Currency), Money.Zero(customer.Currency),
            [new InvoiceLine("Microsoft 365 Business Premium", 10m, new Money(1000m, customer.Currency))], null, status);
    }
}
