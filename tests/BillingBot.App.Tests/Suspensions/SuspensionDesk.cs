using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.App.Reminders;
using BillingBot.App.Suspensions;
using BillingBot.App.Tests.Conversations;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Suspensions;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.App.Tests.Suspensions;

/// <summary>
/// The app as the partner runs it: a staff list with a billing admin and a support agent, an agents' channel in the
/// partner's tenant, a fake clock, a counting access-control port and a reminder history. Customers are created per
/// test (a tenant each), so tests of one class share the host without seeing each other's cases.
/// </summary>
public sealed class SuspensionDesk : IAsyncLifetime
{
    public const string PartnerTenant = PartnerStaff.PartnerTenant;
    public const string ChannelId = PartnerStaff.ChannelId;
    public const string TeamId = PartnerStaff.TeamId;
    public const string AdminObjectId = PartnerStaff.AdminObjectId;
    public const string AdminName = PartnerStaff.AdminName;
    public const string AgentObjectId = PartnerStaff.AgentObjectId;

    /// <summary>A Monday morning in Warsaw.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 14, 8, 0, 0, TimeSpan.Zero);

    private readonly BotEnvironment _env = new();
    private HttpClient _http = null!;
    private int _invoiceSequence;

    private BotHost? _second;
    private HttpClient? _secondHttp;

    public SuspensionDesk()
    {
        Host = new BotHost(_env.Azurite, settings: PartnerStaff.Settings(), services: Replace);
    }

    /// <summary>While true, every activity goes to a second app instance over the same tables, clock and fake channel.</summary>
    public bool OnSecondInstance { get; set; }

    public FakeTimeProvider Time { get; } = new(Start);

    public CountingAccessControl Access { get; } = new();

    public FakeReminderHistory History { get; } = new();

    public BotHost Host { get; }

    public BotEnvironment Env => _env;

    public ISuspensionWorkflow Workflow => Host.Services.GetRequiredService<ISuspensionWorkflow>();

    public ISuspensionCases Cases => Host.Services.GetRequiredService<ISuspensionCases>();

    public IInvoiceRepository Invoices => Host.Services.GetRequiredService<IInvoiceRepository>();

    public IPaymentRepository Payments => Host.Services.GetRequiredService<IPaymentRepository>();

    public KeptNotices KeptNotices => Host.Services.GetRequiredService<KeptNotices>();

    public AgentsChannelNotifier Notifier => Host.Services.GetRequiredService<AgentsChannelNotifier>();

    public async Task InitializeAsync()
    {
        await _env.InitializeAsync();
        _http = Host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _secondHttp?.Dispose();
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await Host.DisposeAsync();
        await _env.DisposeAsync();
    }

    /// <summary>Someone adds the bot to the agents' channel's team: it stores the channel's reference (and greets).</summary>
    public async Task InstallInAgentsChannelAsync()
    {
        await PostAsync(PartnerStaff.ChannelInstall(_env.Channel.ServiceUrl, ChannelId, AdminObjectId));
    }

    /// <summary>A customer's person installs the bot in a personal chat; returns that chat's conversation id.</summary>
    public async Task<string> InstallForAsync(string tenantId, string objectId, string locale)
    {
        var conversation = Activities.NewConversationId();
        var install = Activities.InstallationUpdate(_env.Channel.ServiceUrl, conversation, "add", locale);
        install["from"] = new JsonObject { ["id"] = "29:" + objectId, ["aadObjectId"] = objectId };
        install["conversation"]!["tenantId"] = tenantId;
        install["channelData"]!["tenant"]!["id"] = tenantId;
        await PostAsync(install);
        return conversation;
    }

    /// <summary>
    /// A new customer (its own tenant) speaking <paramref name="locale"/>, with a primary, a billing and a technical
    /// contact, and invoices overdue by the given days; the billing contact never installed the bot.
    /// </summary>
    public async Task<CustomerOnDesk> NewCustomerAsync(string locale, params int[] daysOverdue)
    {
        var tenant = Guid.NewGuid().ToString();
        var polish = locale.StartsWith("pl", StringComparison.Ordinal);
        var primary = new BillingContact(Guid.NewGuid().ToString(), polish ? "Anna Wiśniewska" : "Alice Brown", "primary@customer.example", BillingContactRole.Primary);
        var billing = new BillingContact(Guid.NewGuid().ToString(), polish ? "Karol Lis" : "Ben Carter", "ap@customer.example", BillingContactRole.Billing);
        var technical = new BillingContact(Guid.NewGuid().ToString(), polish ? "Piotr Zając" : "Tom Hill", "it@customer.example", BillingContactRole.Technical);
        var customer = new Customer(tenant, polish ? "Fabrikam Polska sp. z o.o." : "Tailspin Toys B.V.", polish ? "PLN" : "EUR", locale,
            polish ? "Europe/Warsaw" : "Europe/Amsterdam", 14, SupportPlan.Standard, [primary, billing, technical]);
        await Host.Services.GetRequiredService<ICustomerRepository>().UpsertAsync(customer, CancellationToken.None);
        var today = customer.LocalDate(Time.GetUtcNow());
        var invoices = daysOverdue.Select(days => NewInvoice(customer, today.AddDays(-days))).ToList();
        await Invoices.UpsertManyAsync(invoices, CancellationToken.None);
        var primaryChat = await InstallForAsync(tenant, primary.ObjectId, locale);
        var technicalChat = await InstallForAsync(tenant, technical.ObjectId, locale);
        foreach (var invoice in invoices)
        {
            foreach (var (kind, stage, offset) in new[] { (ReminderKind.Upcoming, "before-7", -7), (ReminderKind.DueToday, "due", 0), (ReminderKind.Overdue, "after-3", 3), (ReminderKind.SuspensionWarning, "warning-20", 20) })
            {
                History.Add(new ReminderHistoryEntry(tenant, invoice.Number, kind, stage, primary.ObjectId, new DateTimeOffset(invoice.DueDate.AddDays(offset).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero)));
            }
        }

        return new CustomerOnDesk(customer, invoices, primaryChat, technicalChat);
    }

    /// <summary>The scheduler's call when an invoice reaches the suspension stage.</summary>
    public Task RequestApprovalAsync(CustomerOnDesk customer, Invoice invoice)
    {
        var reminder = new PlannedReminder(customer.Customer.TenantId, invoice.Number, ReminderKind.Suspension, 30, invoice.DueDate.AddDays(30), "suspension-30", []);
        return Workflow.RequestApprovalAsync(reminder, customer.Customer, invoice, CancellationToken.None);
    }

    /// <summary>The scheduler's call on every sweep, with the invoices as stored now.</summary>
    public async Task ReconcileAsync(CustomerOnDesk customer) =>
        await Workflow.ReconcileAsync(customer.Customer, await Invoices.ListForCustomerAsync(customer.Customer.TenantId, CancellationToken.None), CancellationToken.None);

    /// <summary>Every invoice of the customer is paid in full.</summary>
    public async Task PayEverythingAsync(CustomerOnDesk customer)
    {
        foreach (var invoice in await Invoices.ListForCustomerAsync(customer.Customer.TenantId, CancellationToken.None))
        {
            await Payments.UpsertAsync(new Payment("PAY-" + invoice.Number, invoice.TenantId, invoice.Number, Time.GetUtcNow(), invoice.Outstanding, PaymentMethod.BankTransfer, invoice.Number), CancellationToken.None);
        }
    }

    public async Task<SuspensionCase> OpenCaseAsync(CustomerOnDesk customer) =>
        await Cases.FindOpenAsync(customer.Customer.TenantId, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException("The customer has no open case.");

    /// <summary>
    /// A click on the approval card in the agents' channel, as Teams sends it: an invoke adaptiveCard/action with the
    /// button's verb and data (inputs merged in); the HTTP response body is the invoke response.
    /// </summary>
    public async Task<InvokeAnswer> ClickAsync(string verb, string fromObjectId, JsonObject data, string trigger = "manual", string tenantId = PartnerTenant, string? threadConversationId = null, bool onSecondInstance = false)
    {
        var invoke = Activities.Base("invoke", _env.Channel.ServiceUrl, ChannelId, null, "en-US", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = trigger,
            },
        });
        invoke["from"] = new JsonObject { ["id"] = "29:" + fromObjectId, ["name"] = "Someone", ["aadObjectId"] = fromObjectId };
        invoke["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = tenantId, ["id"] = threadConversationId ?? ChannelId + ";messageid=1765700000001" };
        invoke["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = ChannelId },
            ["tenant"] = new JsonObject { ["id"] = tenantId },
        };
        using var response = await SendAsync(invoke, onSecondInstance);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return new InvokeAnswer(response.StatusCode, body!);
    }

    /// <summary>A customer's person writes in their personal chat with the bot; returns what the bot answered there.</summary>
    public async Task<IReadOnlyList<Activity>> CustomerSaysAsync(CustomerOnDesk customer, string text, string? chat = null, string? objectId = null)
    {
        var conversation = chat ?? customer.PrimaryChat;
        var message = Activities.Message(_env.Channel.ServiceUrl, conversation, text, customer.Customer.Locale);
        message["from"] = new JsonObject { ["id"] = "29:" + (objectId ?? customer.Primary.ObjectId), ["name"] = customer.Primary.Name, ["aadObjectId"] = objectId ?? customer.Primary.ObjectId };
        message["conversation"]!["tenantId"] = customer.Customer.TenantId;
        message["channelData"]!["tenant"]!["id"] = customer.Customer.TenantId;
        var before = _env.ActivitiesSentTo(conversation).Count;
        await PostAsync(message);
        return [.. _env.ActivitiesSentTo(conversation).Skip(before)];
    }

    /// <summary>A customer's person clicks an Action.Submit button: a message with the button's data as its value and no text.</summary>
    public async Task<IReadOnlyList<Activity>> CustomerSubmitsAsync(CustomerOnDesk customer, JsonObject data)
    {
        var message = Activities.Message(_env.Channel.ServiceUrl, customer.PrimaryChat, string.Empty, customer.Customer.Locale);
        message.Remove("text");
        message["value"] = data;
        message["from"] = new JsonObject { ["id"] = "29:" + customer.Primary.ObjectId, ["name"] = customer.Primary.Name, ["aadObjectId"] = customer.Primary.ObjectId };
        message["conversation"]!["tenantId"] = customer.Customer.TenantId;
        message["channelData"]!["tenant"]!["id"] = customer.Customer.TenantId;
        var before = _env.ActivitiesSentTo(customer.PrimaryChat).Count;
        await PostAsync(message);
        return [.. _env.ActivitiesSentTo(customer.PrimaryChat).Skip(before)];
    }

    /// <summary>The cards that replaced one message posted earlier in the agents' channel, oldest first.</summary>
    public IReadOnlyList<AdaptiveCard> ChannelUpdatesOf(PostedMessage message) =>
        [.. _env.RequestsTo(message.ConversationId).Where(r => r.Method == "PUT" && r.ActivityId == message.ActivityId && r.Body is not null)
            .Select(r => SeededConversation.CardOf(r.Body!.Deserialize<Activity>(ProtocolJson.Options)!))
            .OfType<AdaptiveCard>()];

    /// <summary>A customer's person clicks an Action.Execute button in their personal chat; the HTTP response body is the invoke response.</summary>
    public async Task<InvokeAnswer> CustomerClicksAsync(CustomerOnDesk customer, string verb, JsonObject data, string? objectId = null)
    {
        var invoke = Activities.Base("invoke", _env.Channel.ServiceUrl, customer.PrimaryChat, null, customer.Customer.Locale, new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" },
        });
        invoke["from"] = new JsonObject { ["id"] = "29:" + (objectId ?? customer.Primary.ObjectId), ["aadObjectId"] = objectId ?? customer.Primary.ObjectId };
        invoke["conversation"]!["tenantId"] = customer.Customer.TenantId;
        invoke["channelData"]!["tenant"]!["id"] = customer.Customer.TenantId;
        using var response = await SendAsync(invoke);
        return new InvokeAnswer(response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>
    /// Someone of the partner writes in the agents' channel, in a thread when <paramref name="conversationId"/> carries
    /// ";messageid=", mentioning the bot as Teams requires for a bot to hear a channel message.
    /// </summary>
    public async Task StaffSaysAsync(string fromObjectId, string conversationId, string text, string name = "Jan Nowicki", string tenantId = PartnerTenant)
    {
        var message = Activities.Message(_env.Channel.ServiceUrl, conversationId, "<at>BillingBot</at> " + text, "pl-PL");
        message["from"] = new JsonObject { ["id"] = "29:" + fromObjectId, ["name"] = name, ["aadObjectId"] = fromObjectId };
        message["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = tenantId, ["id"] = conversationId };
        message["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = ChannelId },
            ["tenant"] = new JsonObject { ["id"] = tenantId },
        };
        message["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>BillingBot</at>", ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "BillingBot" } });
        await PostAsync(message);
    }

    public static JsonObject Data(SuspensionCase suspension, string? until = null)
    {
        var data = new JsonObject { ["tenant"] = suspension.TenantId, ["case"] = suspension.CaseId };
        if (until is not null)
        {
            data["until"] = until;
        }

        return data;
    }

    /// <summary>The approval cards posted to the agents' channel for a customer, oldest first.</summary>
    public IReadOnlyList<AdaptiveCard> ApprovalCardsPosted(CustomerOnDesk customer) =>
        [.. CardsPostedToChannel().Where(c => c.Refresh?.Action.Verb == SuspensionVerbs.Refresh && Mentions(c, customer))];

    /// <summary>The billing-team notices posted to the agents' channel about a customer, oldest first.</summary>
    public IReadOnlyList<AdaptiveCard> NoticesPosted(CustomerOnDesk customer) =>
        [.. CardsPostedToChannel().Where(c => c.Refresh is null && Mentions(c, customer))];

    /// <summary>The cards that replaced earlier messages in the agents' channel (UpdateActivity), for a customer.</summary>
    public IReadOnlyList<AdaptiveCard> ChannelUpdates(CustomerOnDesk customer) =>
        [.. _env.RequestsTo(ChannelId).Where(r => r.Method == "PUT" && r.Body is not null)
            .Select(r => SeededConversation.CardOf(r.Body!.Deserialize<Activity>(ProtocolJson.Options)!))
            .OfType<AdaptiveCard>()
            .Where(c => Mentions(c, customer))];

    /// <summary>The cards the bot sent into a personal chat, oldest first (the welcome text is not a card).</summary>
    public IReadOnlyList<AdaptiveCard> CardsSentTo(string conversationId) =>
        [.. _env.ActivitiesSentTo(conversationId).Select(SeededConversation.CardOf).OfType<AdaptiveCard>()];

    private IEnumerable<AdaptiveCard> CardsPostedToChannel() =>
        _env.RequestsTo(ChannelId).Where(r => r.Method == "POST" && r.Body is not null)
            .Select(r => SeededConversation.CardOf(r.Body!.Deserialize<Activity>(ProtocolJson.Options)!))
            .OfType<AdaptiveCard>();

    private static bool Mentions(AdaptiveCard card, CustomerOnDesk customer) =>
        BillingCardsTests.CardText(card).Contains(customer.Customer.TenantId, StringComparison.Ordinal);

    private async Task PostAsync(JsonObject activity)
    {
        using var response = await SendAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"The bot answered {(int)response.StatusCode}.");
    }

    private Task<HttpResponseMessage> SendAsync(JsonObject activity, bool onSecondInstance = false)
    {
        if (!OnSecondInstance && !onSecondInstance)
        {
            return Host.PostActivityAsync(_http, activity);
        }

        if (_second is null)
        {
            var settings = PartnerStaff.Settings();
            settings["Storage:TablePrefix"] = Host.TablePrefix;
            _second = new BotHost(_env.Azurite, settings: settings, services: Replace);
            _secondHttp = _second.CreateHttpClient();
        }

        return _second.PostActivityAsync(_secondHttp!, activity);
    }

    private void Replace(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Time);
        services.RemoveAll<IAccessControl>();
        services.AddSingleton<IAccessControl>(Access);
        services.RemoveAll<IReminderHistory>();
        services.AddSingleton<IReminderHistory>(History);
    }

    private Invoice NewInvoice(Customer customer, DateOnly due)
    {
        var sequence = Interlocked.Increment(ref _invoiceSequence);
        var issued = due.AddDays(-customer.PaymentTermDays);
        var tax = customer.Currency == "PLN" ? 230m : 0m;
        return new Invoice(
            $"FV/{issued:yyyy}/{issued:MM}/{sequence:000}", customer.TenantId, BillingPeriod.Month(issued.AddMonths(-1).Year, issued.AddMonths(-1).Month), issued, due,
            new Money(1000m, customer.Currency), new Money(tax, customer.Currency), new Money(1000m + tax, customer.Currency), Money.Zero(customer.Currency),
            [new InvoiceLine("Microsoft 365 Business Premium", 10m, new Money(1000m, customer.Currency))], null, InvoiceStatus.Overdue);
    }
}
