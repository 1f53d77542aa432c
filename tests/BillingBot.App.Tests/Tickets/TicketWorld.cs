using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.App.Escalations;
using BillingBot.App.Tests.Conversations;
using BillingBot.App.Tests.Hosting;
using BillingBot.App.Tests.Suspensions;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Escalations;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Support;
using BillingBot.Billing.Touchpoints;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.App.Tests.Tickets;

/// <summary>
/// The app as the partner runs it for tickets: its staff (a billing admin who is also a support agent, a support agent
/// and a sales agent), its agents' channel installed in the partner's tenant, a fake clock on a Monday morning when the
/// desk is open, driven over HTTP through the fake Teams channel. Customers are created per test (a tenant each), so
/// the tests of one class share the host without seeing each other's tickets. <see cref="StartInstanceAsync"/> starts a
/// second app instance on the same tables, channel and clock.
/// </summary>
public class TicketWorld : IChatHost, IAsyncLifetime
{
    public const string PartnerTenant = PartnerStaff.PartnerTenant;
    public const string ChannelId = PartnerStaff.ChannelId;
    public const string AdminObjectId = PartnerStaff.AdminObjectId;
    public const string AdminName = PartnerStaff.AdminName;
    public const string AgentObjectId = PartnerStaff.AgentObjectId;
    public const string AgentName = "Jan Nowicki";
    public const string SalesAgentObjectId = "0a1b2c3d-3333-4e5f-8a9b-0c1d2e3f4a5b";

    /// <summary>Monday 14 December 2026, 09:00 in Warsaw: the support desk is open.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 12, 14, 8, 0, 0, TimeSpan.Zero);

    public static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    private readonly BotEnvironment _env = new();
    private readonly Dictionary<string, string?> _settings;
    private readonly List<(BotHost Host, HttpClient Http, RoundSignal Hooks)> _others = [];
    private HttpClient _http = null!;
    private int _invoiceSequence;

    public TicketWorld()
        : this(new Dictionary<string, string?>())
    {
    }

    protected TicketWorld(IDictionary<string, string?> settings)
    {
        _settings = new Dictionary<string, string?>(PartnerStaff.Settings())
        {
            ["Staff:Members:2:ObjectId"] = SalesAgentObjectId,
            ["Staff:Members:2:Name"] = "Ola Sprzedawczyk",
            ["Staff:Members:2:Roles:0"] = "SalesAgent",
            // The fake clock jumps while an instance posts; a posting claim must outlast the jumps the tests make
            // (in production it outlasts Connector:TotalTimeout, the longest a post can take).
            ["Escalations:PostingClaimTimeout"] = "00:30:00",
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }

        Host = Build(Hooks, null);
    }

    public FakeTimeProvider Time { get; } = new(Monday);

    public RoundSignal Hooks { get; } = new();

    public BotHost Host { get; }

    public BotEnvironment Env => _env;

    public ITickets Tickets => Host.Services.GetRequiredService<ITickets>();

    public TicketDesk Desk => Host.Services.GetRequiredService<TicketDesk>();

    public IReminderControls Controls => Host.Services.GetRequiredService<IReminderControls>();

    public ITouchpoints Touchpoints => Host.Services.GetRequiredService<ITouchpoints>();

    public IInvoiceRepository Invoices => Host.Services.GetRequiredService<IInvoiceRepository>();

    public async Task InitializeAsync()
    {
        await _env.InitializeAsync();
        _http = Host.CreateHttpClient();
        await InstallInAgentsChannelAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var (host, http, _) in _others)
        {
            http.Dispose();
            await host.DisposeAsync();
        }

        _http.Dispose();
        await Host.DisposeAsync();
        await _env.DisposeAsync();
    }

    /// <summary>Another instance of the app on the same tables, channel and clock (as App Service runs several).</summary>
    public BotHost StartInstance(RoundSignal hooks)
    {
        var host = Build(hooks, Host.TablePrefix);
        _others.Add((host, host.CreateHttpClient(), hooks));
        // A new instance has not yet heard from the (loopback) channel; Teams' own hosts are trusted by configuration.
        host.Services.GetRequiredService<TrustedServiceUrls>().Trust(_env.Channel.ServiceUrl.ToString());
        return host;
    }

    /// <summary>Completes when a dispatcher round of any instance, ending after this call, posts something.</summary>
    public Task<int> NextPostAnywhereAsync() =>
        Task.WhenAny(_others.Select(o => o.Hooks).Prepend(Hooks).Select(h => h.NextPostAsync())).Unwrap();

    public async Task PostAsync(JsonObject activity)
    {
        using var response = await Host.PostActivityAsync(_http, activity);
        Assert.True(response.IsSuccessStatusCode, $"The bot answered {(int)response.StatusCode}.");
    }

    public async Task<JsonNode?> PostForBodyAsync(JsonObject activity)
    {
        using var response = await Host.PostActivityAsync(_http, activity);
        Assert.True(response.IsSuccessStatusCode, $"The bot answered {(int)response.StatusCode}.");
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? null : JsonNode.Parse(body);
    }

    /// <summary>
    /// A new customer (its own tenant) speaking <paramref name="locale"/>, with a primary, a billing and a technical
    /// contact, invoices overdue by the given days, and the primary contact's personal chat with the bot.
    /// </summary>
    public async Task<TicketCustomer> NewCustomerAsync(string locale, SupportPlan plan = SupportPlan.Standard, params int[] daysOverdue)
    {
        var tenant = Guid.NewGuid().ToString();
        var polish = locale.StartsWith("pl", StringComparison.Ordinal);
        var primary = new BillingContact(Guid.NewGuid().ToString(), polish ? "Anna Wiśniewska" : "Alice Brown", "primary@customer.example", BillingContactRole.Primary);
        var billing = new BillingContact(Guid.NewGuid().ToString(), polish ? "Karol Lis" : "Ben Carter", "ap@customer.example", BillingContactRole.Billing);
        var technical = new BillingContact(Guid.NewGuid().ToString(), polish ? "Piotr Zając" : "Tom Hill", "it@customer.example", BillingContactRole.Technical);
        var customer = new Customer(tenant, polish ? "Fabrikam Polska sp. z o.o." : "Tailspin Toys B.V.", polish ? "PLN" : "EUR", locale,
            polish ? "Europe/Warsaw" : "Europe/Amsterdam", 14, plan, [primary, billing, technical]);
        await Host.Services.GetRequiredService<ICustomerRepository>().UpsertAsync(customer, CancellationToken.None);
        var today = customer.LocalDate(Time.GetUtcNow());
        var invoices = daysOverdue.Select(days => NewInvoice(customer, today.AddDays(-days))).ToList();
        if (invoices.Count > 0)
        {
            await Invoices.UpsertManyAsync(invoices, CancellationToken.None);
        }

        return new TicketCustomer(customer, invoices, new Chat(this, tenant, primary.ObjectId, locale));
    }

    /// <summary>The ticket as stored now.</summary>
    public async Task<Ticket> TicketAsync(string tenantId, string number) =>
        await Tickets.FindAsync(tenantId, number, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException($"No ticket {number}.");

    /// <summary>The customer's only ticket.</summary>
    public async Task<Ticket> OnlyTicketAsync(TicketCustomer customer) =>
        Assert.Single(await Tickets.ForCustomerAsync(customer.TenantId, CancellationToken.None));

    /// <summary>A click on a ticket card in the agents' channel, as Teams sends it; the HTTP answer is the invoke response.</summary>
    public async Task<InvokeAnswer> ClickAsync(string verb, string fromObjectId, Ticket ticket, JsonObject? inputs = null, string trigger = "manual", string tenantId = PartnerTenant)
    {
        var data = Data(ticket);
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }

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
        invoke["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = tenantId, ["id"] = ChannelId + ";messageid=" + (ticket.AgentsCard?.ActivityId ?? "1") };
        invoke["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = SuspensionDesk.TeamId },
            ["channel"] = new JsonObject { ["id"] = ChannelId },
            ["tenant"] = new JsonObject { ["id"] = tenantId },
        };
        using var response = await Host.PostActivityAsync(_http, invoke);
        return new InvokeAnswer(response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>What a ticket card's buttons carry.</summary>
    public static JsonObject Data(Ticket ticket) => new() { ["tenant"] = ticket.TenantId, ["ticket"] = ticket.Number };

    /// <summary>The ticket cards posted (new threads) in the agents' channel for a ticket, oldest first, refused attempts included.</summary>
    public IReadOnlyList<AdaptiveCard> CardsPosted(string tenantId, string number) =>
        [.. ChannelCards("POST", ChannelId).Where(c => IsCardOf(c, tenantId, number))];

    /// <summary>The ticket's card as everyone in the channel sees it now: the last update of the posted card, or the card itself.</summary>
    public AdaptiveCard CurrentCard(string tenantId, string number) =>
        ChannelCards("PUT", ChannelId).LastOrDefault(c => IsCardOf(c, tenantId, number))
        ?? CardsPosted(tenantId, number).LastOrDefault()
        ?? throw new Xunit.Sdk.XunitException($"No card of ticket {number} in the agents' channel.");

    /// <summary>The texts the bot wrote into a ticket's thread in the agents' channel.</summary>
    public IReadOnlyList<string> ThreadTexts(Ticket ticket) =>
        ticket.AgentsCard is not { } card ? [] : _env.TextsSentTo(ChannelId + ";messageid=" + card.ActivityId);

    /// <summary>The cards the bot sent into a customer's personal chat, oldest first.</summary>
    public IReadOnlyList<AdaptiveCard> CardsSentTo(Chat chat) =>
        [.. _env.ActivitiesSentTo(chat.ConversationId).Select(SeededConversation.CardOf).OfType<AdaptiveCard>()];

    /// <summary>The ticket notices the customer got in their chat (cards titled with the ticket's number), oldest first.</summary>
    public IReadOnlyList<string> NoticesTo(Chat chat, string number) =>
        [.. CardsSentTo(chat).Select(BillingCardsTests.CardText).Where(text => text.Contains(number, StringComparison.Ordinal))];

    /// <summary>The route the escalation form proposes: the preselected value of its route choice.</summary>
    public static string? ProposedRoute(AdaptiveCard card) =>
        card.Actions?.OfType<AdaptiveShowCardAction>()
            .SelectMany(a => a.Card.Body).OfType<AdaptiveChoiceSetInput>()
            .FirstOrDefault(i => i.Id == TicketVerbs.RouteInput)?.Value;

    /// <summary>The verbs of a card's buttons, those inside its forms included, in order.</summary>
    public static IReadOnlyList<string> Verbs(AdaptiveCard card) =>
        [.. (card.Actions ?? []).SelectMany(a => a is AdaptiveShowCardAction show ? show.Card.Actions ?? [] : [a]).OfType<AdaptiveExecuteAction>().Select(a => a.Verb!)];

    /// <summary>When the support desk opens next (the configured hours, holidays included), from the clock's now.</summary>
    public DateTimeOffset NextOpening() =>
        Host.Services.GetRequiredService<SupportOffer>().Hours.NextOpening(Time.GetUtcNow()) ?? throw new Xunit.Sdk.XunitException("The desk never opens.");

    /// <summary>Moves the clock to 10:00 in Warsaw of the next day on which the support desk is open then.</summary>
    public DateTimeOffset MoveToOpenDesk()
    {
        var hours = Host.Services.GetRequiredService<SupportOffer>().Hours;
        var local = TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Warsaw);
        for (var date = DateOnly.FromDateTime(local.DateTime).AddDays(1); ; date = date.AddDays(1))
        {
            var wall = date.ToDateTime(new TimeOnly(10, 0));
            var at = new DateTimeOffset(wall, Warsaw.GetUtcOffset(wall));
            if (hours.IsOpen(at))
            {
                Time.SetUtcNow(at);
                return at;
            }
        }
    }

    /// <summary>Moves the clock to the next instant, from now on, when Warsaw's wall clock shows a day of the week and time.</summary>
    public DateTimeOffset MoveTo(DayOfWeek day, int hour, int minute = 0)
    {
        var local = TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Warsaw);
        for (var date = DateOnly.FromDateTime(local.DateTime); ; date = date.AddDays(1))
        {
            var wall = date.ToDateTime(new TimeOnly(hour, minute));
            var at = new DateTimeOffset(wall, Warsaw.GetUtcOffset(wall));
            if (date.DayOfWeek == day && at > Time.GetUtcNow())
            {
                Time.SetUtcNow(at);
                return at;
            }
        }
    }

    private static bool IsCardOf(AdaptiveCard card, string tenantId, string number) =>
        card.Refresh?.Action is { Verb: TicketVerbs.Refresh, Data: JsonElement data }
        && data.GetProperty("tenant").GetString() == tenantId && data.GetProperty("ticket").GetString() == number;

    private IEnumerable<AdaptiveCard> ChannelCards(string method, string conversationId) =>
        _env.Channel.Requests.Where(r => r.Method == method && r.Body is not null && r.ConversationId == conversationId)
            .Select(r => SeededConversation.CardOf(r.Body!.Deserialize<Activity>(ProtocolJson.Options)!))
            .OfType<AdaptiveCard>();

    private async Task InstallInAgentsChannelAsync()
    {
        await PostAsync(PartnerStaff.ChannelInstall(_env.Channel.ServiceUrl, ChannelId, AdminObjectId, teamName: "Support"));
    }

    private BotHost Build(RoundSignal hooks, string? tablePrefix)
    {
        var settings = new Dictionary<string, string?>(_settings);
        if (tablePrefix is not null)
        {
            settings["Storage:TablePrefix"] = tablePrefix;
        }

        return new BotHost(_env.Azurite, settings: settings, services: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<TicketDispatchHooks>();
            services.AddSingleton<TicketDispatchHooks>(hooks);
        });
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
