using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BillingBot.App.Reminders;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Storage;
using BillingBot.Storage.Reminders;
using BillingBot.Storage.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BillingBot.App.Tests.Faults;

/// <summary>
/// The built app, run as a process against Azurite (on disk) and the fake Teams channel, is killed with SIGKILL while
/// Teams holds two of its requests open: its reply to a customer's click, and the third reminder of a sweep, which
/// Teams had already delivered (only its answer was held: the documented window). A new process on the same storage
/// takes over.
/// </summary>
/// <remarks>
/// What the customer sees, honestly: the interrupted turn's reply never reached Teams and the message is not answered
/// by itself (Teams does not deliver a message again after the bot's endpoint failed; were it to, its activity id is
/// already claimed and it would be dropped): at most once. When the customer clicks again, they get the answer once.
/// The killed turn saved nothing (state is saved at the end of a turn), so the next turn starts from the state before
/// it. Every due reminder reaches its chat exactly once, except the one Teams had taken when the process died: that one
/// twice, after its claim expired. Never lost. A card click is used for the turn because it needs no trained model,
/// which each new process would otherwise train before answering.
/// </remarks>
public sealed class ProcessKillTests(DiskBotEnvironment fixture, ITestOutputHelper output) : IClassFixture<DiskBotEnvironment>
{
    private const int ReminderCustomers = 3;
    private const string TurnTenant = Activities.TenantId;
    private const string TurnInvoice = "FV/2026/11/777";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private BotEnvironment Env => fixture.Env;

    [Fact]
    public async Task Killed_mid_turn_and_mid_sweep_a_restarted_app_answers_the_customer_once_and_sends_every_reminder_once_but_the_one_Teams_had_taken()
    {
        using var limit = new CancellationTokenSource(Limit);
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var settings = Settings(prefix);
        await using var storage = await StorageAsync(prefix);
        using var http = new HttpClient();
        var recipients = await ArrangeAsync(storage);
        var reminderChats = recipients.Select(r => r.Chat).ToHashSet(StringComparer.Ordinal);
        var turnChat = Activities.NewConversationId();

        // Process A: Teams has talked to it (so it trusts the channel's address), then the reminders fall due.
        var a = await BotProcess.StartAsync(settings);
        BotProcess? b = null;
        try
        {
            await WarmUpAsync(http, a);
            var window = Env.Channel.Hold(r => r.Method == "POST" && reminderChats.Contains(r.ConversationId ?? string.Empty), occurrence: 3, acceptedBeforeHolding: true);
            await FallDueAsync(storage, recipients);
            var heldReminder = (await window.Arrived.WaitAsync(limit.Token)).ConversationId!;

            // The customer clicks "show invoice"; Teams holds the reply; the process dies while both wait.
            var reply = Env.Channel.Hold(r => r.ConversationId == turnChat && r.Method == "POST");
            var click = Click(turnChat);
            var clicked = http.PostAsync(new Uri(a.BaseAddress, "api/messages"), Json(click), limit.Token);
            await reply.Arrived.WaitAsync(limit.Token);
            await a.KillAsync();

            await Assert.ThrowsAnyAsync<HttpRequestException>(() => clicked);
            Assert.False(await window.Ended.WaitAsync(limit.Token));
            Assert.False(await reply.Ended.WaitAsync(limit.Token));

            // Process B on the same storage.
            b = await BotProcess.StartAsync(settings);
            await WarmUpAsync(http, b);

            // Were Teams to deliver the click again, it is the same activity: dropped, so never answered twice.
            using (var redelivered = await http.PostAsync(new Uri(b.BaseAddress, "api/messages"), Json(click), limit.Token))
            {
                Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
            }

            Assert.Empty(Accepted(turnChat));

            // The customer, who saw nothing, clicks again: a new activity, answered once.
            using (var again = await http.PostAsync(new Uri(b.BaseAddress, "api/messages"), Json(Click(turnChat)), limit.Token))
            {
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            }

            var answer = Assert.Single(Accepted(turnChat));
            Assert.Contains(TurnInvoice, answer.ToJsonString(), StringComparison.Ordinal);

            // B sends what A had not, and, once A's claim on it has expired, the held reminder again.
            await Env.Channel.WaitForSentAsync(
                sent => reminderChats.All(chat => CountIn(sent, chat) >= (chat == heldReminder ? 2 : 1)),
                limit.Token);
            await b.StopAsync();

            foreach (var chat in reminderChats)
            {
                Assert.Equal(chat == heldReminder ? 2 : 1, Accepted(chat).Count);
            }

            var ledger = new List<ReminderLedgerEntry>();
            foreach (var tenant in recipients.Select(r => r.TenantId).Distinct())
            {
                ledger.AddRange(await storage.GetRequiredService<TableReminderLedger>().ListForTenantAsync(tenant, CancellationToken.None));
            }

            Assert.All(ledger, e => Assert.Equal(ReminderLedgerState.Sent, e.State));
            Assert.Equal(reminderChats.Order(StringComparer.Ordinal), ledger.Select(e => e.SentTo!.ConversationId).Order(StringComparer.Ordinal));
            Assert.Equal(2, ledger.Single(e => e.SentTo!.ConversationId == heldReminder).Claims);
            Assert.All(ledger.Where(e => e.SentTo!.ConversationId != heldReminder), e => Assert.Equal(1, e.Claims));
        }
        catch
        {
            output.WriteLine("--- process A ---" + Environment.NewLine + a.Output);
            output.WriteLine("--- process B ---" + Environment.NewLine + b?.Output);
            throw;
        }
        finally
        {
            await a.DisposeAsync();
            if (b is not null)
            {
                await b.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// As a local run, plus: sweeps every 2 s, one customer and one person at a time (so the held reminder is the only one in flight), at any hour of any day; short connector limits and
    /// a claim timeout just above them, so the takeover after the kill comes within seconds; no period notices.
    /// </summary>
    private Dictionary<string, string> Settings(string prefix)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Storage"] = Env.Azurite.ConnectionString,
            ["Storage__TablePrefix"] = prefix,
            ["MicrosoftAppId"] = string.Empty,
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = string.Empty,
            ["Reminders__Interval"] = "00:00:02",
            ["Reminders__MaxParallelTenants"] = "1",
            ["Reminders__MaxParallelPeople"] = "1",
            ["Reminders__ClaimTimeout"] = "00:00:07",
            ["Connector__AttemptTimeout"] = "00:00:05",
            ["Connector__TotalTimeout"] = "00:00:06",
            ["Collections__DeliveryWindowStart"] = "00:00",
            ["Collections__DeliveryWindowEnd"] = "23:59:59",
            ["Collections__NotifyPeriodClosing"] = "false",
            ["Collections__NotifyInvoiceIssued"] = "false",
        };
        var days = Enum.GetValues<DayOfWeek>();
        for (var i = 0; i < days.Length; i++)
        {
            settings[$"Collections__WorkingDays__{i}"] = days[i].ToString();
        }

        return settings;
    }

    private static async Task<ServiceProvider> StorageAsync(string prefix, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = connectionString,
            ["Storage:TablePrefix"] = prefix,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddTableStorage(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<TableStore>().EnsureTablesAsync(CancellationToken.None);
        return provider;
    }

    private Task<ServiceProvider> StorageAsync(string prefix) => StorageAsync(prefix, Env.Azurite.ConnectionString);

    /// <summary>
    /// The customer of the turn (an invoice due in three weeks, so no reminder), and three customers whose two billing
    /// contacts each have a chat with the bot: six reminders once their invoices fall due.
    /// </summary>
    private async Task<List<Recipient>> ArrangeAsync(IServiceProvider storage)
    {
        var customers = storage.GetRequiredService<ICustomerRepository>();
        await customers.UpsertAsync(Customer(TurnTenant, "Northwind Traders Polska sp. z o.o.", Activities.UserAadId, Guid.NewGuid().ToString()), CancellationToken.None);
        await storage.GetRequiredService<IInvoiceRepository>().UpsertAsync(Invoice(TurnTenant, TurnInvoice, Today().AddDays(21)), CancellationToken.None);

        var recipients = new List<Recipient>();
        var references = storage.GetRequiredService<IConversationReferenceStore>();
        for (var i = 0; i < ReminderCustomers; i++)
        {
            var (tenant, anna, piotr) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
            await customers.UpsertAsync(Customer(tenant, $"Customer {i} sp. z o.o.", anna, piotr), CancellationToken.None);
            foreach (var person in new[] { anna, piotr })
            {
                var chat = Activities.NewConversationId();
                await references.SaveAsync(new StoredConversationReference(tenant, ReminderConversations.OwnerOf(person), new ConversationReference
                {
                    ChannelId = "msteams",
                    ServiceUrl = Env.Channel.ServiceUrl.ToString(),
                    Bot = new ChannelAccount(Activities.BotId, "BillingBot"),
                    User = new ChannelAccount("29:" + person) { AadObjectId = person },
                    Conversation = new ConversationAccount { Id = chat, ConversationType = "personal", TenantId = tenant },
                }, true, DateTimeOffset.UtcNow), CancellationToken.None);
                recipients.Add(new Recipient(tenant, person, chat));
            }
        }

        return recipients;
    }

    /// <summary>Each reminder customer's invoice, due today in Warsaw: the next sweep sends its reminders.</summary>
    private static async Task FallDueAsync(IServiceProvider storage, List<Recipient> recipients)
    {
        foreach (var (tenant, index) in recipients.Select(r => r.TenantId).Distinct().Select((t, i) => (t, i)))
        {
            await storage.GetRequiredService<IInvoiceRepository>().UpsertAsync(Invoice(tenant, $"FV/2026/11/{700 + index}", Today()), CancellationToken.None);
        }
    }

    private static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw")).DateTime);

    private static Customer Customer(string tenant, string name, string primary, string billing) =>
        new(tenant, name, "PLN", "pl-PL", "Europe/Warsaw", 14, SupportPlan.Standard,
        [
            new BillingContact(primary, "Anna Kowalska", "anna@example.com", BillingContactRole.Primary),
            new BillingContact(billing, "Piotr Zieliński", "piotr@example.com", BillingContactRole.Billing),
        ]);

    private static Invoice Invoice(string tenant, string number, DateOnly due)
    {
        var issued = due.AddDays(-14);
        return new Invoice(number, tenant, BillingPeriod.Month(issued.Year, issued.Month), issued, due,
            new Money(1000m, "PLN"), new Money(230m, "PLN"), new Money(1230m, "PLN"), Money.Zero("PLN"), [], null, InvoiceStatus.Issued);
    }

    /// <summary>An activity from Teams in another chat that needs no answer, so the new process trusts the channel's address before it sweeps.</summary>
    private async Task WarmUpAsync(HttpClient http, BotProcess app)
    {
        var activity = Activities.Base("conversationUpdate", Env.Channel.ServiceUrl, Activities.NewConversationId(), null, "pl-PL", new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:someone-else" }),
        });
        using var response = await http.PostAsync(new Uri(app.BaseAddress, "api/messages"), Json(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The customer clicks "show invoice" on a card: Teams sends a message with the button's data and no text.</summary>
    private JsonObject Click(string chat)
    {
        var click = Activities.Message(Env.Channel.ServiceUrl, chat, string.Empty, "pl-PL");
        click.Remove("text");
        click["value"] = new JsonObject { ["action"] = "showInvoice", ["invoice"] = TurnInvoice };
        return click;
    }

    private static int CountIn(IReadOnlyList<JsonNode> sent, string chat) =>
        sent.Count(a => a["conversation"]?["id"]?.GetValue<string>() == chat);

    private List<JsonNode> Accepted(string chat) =>
        [.. Env.Channel.SentActivities.Where(a => a["conversation"]?["id"]?.GetValue<string>() == chat)];

    private static StringContent Json(JsonObject activity) => new(activity.ToJsonString(), Encoding.UTF8, "application/json");

    private sealed record Recipient(string TenantId, string ObjectId, string Chat);
}
