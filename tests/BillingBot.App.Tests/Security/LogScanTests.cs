using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BillingBot.App.Commands;
using BillingBot.App.Commands.Import;
using BillingBot.App.Commands.Seed;
using BillingBot.App.Handoff;
using BillingBot.App.Reminders;
using BillingBot.App.Suspensions;
using BillingBot.App.Tests.Commands;
using BillingBot.App.Tests.Conversations;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Handoff;
using BillingBot.Billing.Invoices;
using BillingBot.Billing.Payments;
using BillingBot.Billing.Reminders;
using BillingBot.Billing.Suspensions;
using BillingBot.TestKit.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.App.Tests.Security;

/// <summary>
/// A whole day of the bot, with every category logging at Trace: Teams installs it in the agents' channel, a customer
/// asks for their balance and an invoice's status, asks for a person, an agent takes the hand-off and they talk, a
/// forged request is turned away, the reminder sweep sends its cards, a billing admin approves a suspension, and
/// imports run (one with errors). The captured log (messages, exceptions, scopes and structured values) holds no app
/// secret, no bearer token either way, no storage account key, no amount of any invoice or payment in any format, and
/// nothing the customer wrote.
/// </summary>
public sealed partial class LogScanTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    private const string Fabrikam = DemoData.PlaygroundTenantId;
    private const string Alex = DemoData.PlaygroundUserObjectId;
    private const string AppSecret = "test-secret-not-real";

    private static readonly string[] CustomerWords =
    [
        "how much do I owe on my Contoso account?", "is invoice FV/2026/10/017 paid?", "I want to talk to a person",
        "My card ending 4242 was charged twice for the same licences",
    ];

    [Fact]
    public async Task A_full_day_logged_at_Trace_leaks_no_secret_token_key_amount_or_customer_words()
    {
        var time = new FakeTimeProvider(SeededConversation.Now);
        var settings = PartnerStaff.Settings();
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        settings["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace";
        settings["Logging:LogLevel:Azure"] = "Trace";
        settings["Reminders:DefaultServiceUrl"] = env.Channel.ServiceUrl.ToString();
        await using var host = new BotHost(env.Azurite, environment: "Production", appId: BotHost.AppId, openId: env.OpenId, settings: settings, services: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(time);
        });
        using var http = host.CreateHttpClient();
        var tokens = new TestTokenBuilder(BotEnvironment.TeamsKey, BotHost.AppId, env.Channel.ServiceUrl.ToString(), time);
        var inbound = new List<string>();
        async Task<JsonNode?> PostAsync(JsonObject activity)
        {
            var token = tokens.Build();
            inbound.Add(token);
            using var response = await host.PostActivityAsync(http, activity, token);
            Assert.True(response.IsSuccessStatusCode, $"{activity["type"]} got {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }

        var console = new StringWriter();
        Assert.Equal(0, await ActivatorUtilities.CreateInstance<SeedCommand>(host.Services).RunAsync([], new CommandConsole(console, console), CancellationToken.None));

        // Teams installs the bot in the agents' channel; the customer talks, asks for a person, an agent takes it.
        await PostAsync(PartnerStaff.ChannelInstall(env.Channel.ServiceUrl, PartnerStaff.ChannelId, PartnerStaff.AdminObjectId));
        var chat = Activities.NewConversationId();
        foreach (var words in CustomerWords.Take(3))
        {
            await PostAsync(TwoInstanceWorld.From(Activities.Message(env.Channel.ServiceUrl, chat, words), Fabrikam, Alex));
        }

        var request = await host.Services.GetRequiredService<IHandoffRequests>().FindOpenByConversationAsync(chat, CancellationToken.None)
            ?? throw new Xunit.Sdk.XunitException("The customer's request for a person opened no hand-off.");
        var thread = HandoffDesk.ThreadOf(request)!;
        var accepted = await PostAsync(Staff(Invoke(thread, HandoffVerbs.Accept, new JsonObject { [HandoffVerbs.HandoffField] = request.HandoffId }), PartnerStaff.AgentObjectId));
        Assert.Contains("Jan Nowicki", accepted!.ToJsonString(), StringComparison.Ordinal);
        await PostAsync(TwoInstanceWorld.From(Activities.Message(env.Channel.ServiceUrl, chat, CustomerWords[3]), Fabrikam, Alex));
        await PostAsync(Staff(ChannelMessage(thread, "<at>BillingBot</at> I see it, refunding the duplicate now."), PartnerStaff.AgentObjectId));
        Assert.Contains(env.TextsSentTo(chat), t => t.Contains("refunding the duplicate", StringComparison.Ordinal));

        // A forged request is turned away.
        using (var forged = await host.PostActivityAsync(http, Activities.Message(env.Channel.ServiceUrl, Activities.NewConversationId(), "help"), tokens.WithAudience("someone-else").Build()))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        // The reminder sweep, a suspension approved by a billing admin, and imports.
        var swept = await host.Services.GetRequiredService<ReminderScheduler>().SweepAsync(time.GetUtcNow(), CancellationToken.None);
        Assert.True(swept.Sent > 0, "the sweep sent reminders");
        var suspension = await RequestApprovalAsync(host, time);
        await PostAsync(Staff(Invoke(PartnerStaff.ChannelId + ";messageid=1765700000001", SuspensionVerbs.Approve, new JsonObject { ["tenant"] = suspension.TenantId, ["case"] = suspension.CaseId }), PartnerStaff.AdminObjectId));
        var decided = await host.Services.GetRequiredService<ISuspensionCases>().FindAsync(suspension.TenantId, suspension.CaseId, CancellationToken.None);
        Assert.Equal(PartnerStaff.AdminObjectId, decided!.LastDecision?.ByObjectId);
        foreach (var arguments in new[] { new[] { Samples.Path("customers.csv") }, [Samples.Path("invoices.csv")], [Samples.Path("payments.csv"), "--kind", "payments"], [Samples.Path("invoices-with-errors.csv")] })
        {
            await ActivatorUtilities.CreateInstance<ImportCommand>(host.Services).RunAsync(arguments, new CommandConsole(console, console), CancellationToken.None);
        }

        var lines = host.Logs.Lines;
        var logged = string.Join("\n", lines.Select(l => l.AllText));
        Assert.Contains(lines, l => l.Level == LogLevel.Trace);
        Assert.Contains(lines, l => l.Level == LogLevel.Debug);
        Assert.Contains(lines, l => l.Category.StartsWith("BillingBot.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Category.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));

        var secrets = new List<(string What, string Text)>
        {
            ("the app secret", AppSecret),
            ("the outbound token", BotHost.OutboundToken),
            ("the storage account key", AccountKey(env.Azurite.ConnectionString)),
        };
        secrets.AddRange(inbound.Distinct().SelectMany(t => new[] { ("an inbound token", t), ("an inbound token's signature", t.Split('.')[2]), ("an inbound token's payload", t.Split('.')[1]) }));
        secrets.AddRange(CustomerWords.Select(w => ("what the customer wrote", w)));
        foreach (var (what, text) in secrets)
        {
            Assert.False(logged.Contains(text, StringComparison.Ordinal), $"The log holds {what}: {Around(logged, text)}");
        }

        foreach (var amount in await AmountsAsync(host))
        {
            var match = amount.Pattern.Match(logged);
            Assert.False(match.Success, $"The log holds the amount {amount.Value} as '{match.Value}': {Around(logged, match.Value)}");
        }
    }

    [Theory]
    [InlineData("total 1234.56 PLN", true)]
    [InlineData("1 234,56 zł", true)]
    [InlineData("1\u00A0234,56\u00A0zł", true)]
    [InlineData("1\u202F234,56", true)]
    [InlineData("PLN 1,234.56", true)]
    [InlineData("1.234,56 €", true)]
    [InlineData("amount=123456", true)]
    [InlineData("port 127.0.0.1:123456", false)]
    [InlineData("id 91234.567", false)]
    [InlineData("a5f1234.56b", false)]
    public void The_amount_pattern_finds_an_amount_in_every_format_and_only_standing_alone(string text, bool found) =>
        Assert.Equal(found, Pattern(1234.56m).IsMatch(Regex.Unescape(text)));

    /// <summary>A new customer 31 days overdue, and the scheduler's request for a suspension approval in the agents' channel.</summary>
    private static async Task<SuspensionCase> RequestApprovalAsync(BotHost host, TimeProvider time)
    {
        var services = host.Services;
        var tenant = Guid.NewGuid().ToString();
        var customer = new Customer(tenant, "Tailspin Toys B.V.", "EUR", "en-GB", "Europe/Amsterdam", 14, SupportPlan.Standard,
            [new BillingContact(Guid.NewGuid().ToString(), "Alice Brown", "alice@tailspin.example", BillingContactRole.Primary)]);
        await services.GetRequiredService<ICustomerRepository>().UpsertAsync(customer, CancellationToken.None);
        var due = customer.LocalDate(time.GetUtcNow()).AddDays(-31);
        var invoice = new Invoice("FV/2026/10/931", tenant, BillingPeriod.Month(due.Year, due.Month), due.AddDays(-14), due,
            new Money(8765.43m, "EUR"), Money.Zero("EUR"), new Money(8765.43m, "EUR"), Money.Zero("EUR"), [], null, InvoiceStatus.Overdue);
        await services.GetRequiredService<IInvoiceRepository>().UpsertAsync(invoice, CancellationToken.None);
        await services.GetRequiredService<ISuspensionWorkflow>().RequestApprovalAsync(
            new PlannedReminder(tenant, invoice.Number, ReminderKind.Suspension, 30, due.AddDays(30), "suspension-30", []), customer, invoice, CancellationToken.None);
        return (await services.GetRequiredService<ISuspensionCases>().FindOpenAsync(tenant, CancellationToken.None))!;
    }

    /// <summary>Every amount in storage (invoices, their lines, payments), each with a pattern for the ways it could be written.</summary>
    private static async Task<IReadOnlyList<(decimal Value, Regex Pattern)>> AmountsAsync(BotHost host)
    {
        var services = host.Services;
        var amounts = new HashSet<decimal>();
        foreach (var customer in await services.GetRequiredService<ICustomerRepository>().ListAsync(CancellationToken.None))
        {
            foreach (var invoice in await services.GetRequiredService<IInvoiceRepository>().ListForCustomerAsync(customer.TenantId, CancellationToken.None))
            {
                amounts.UnionWith(new[] { invoice.Gross, invoice.Net, invoice.Tax, invoice.AmountPaid, invoice.Outstanding }.Concat(invoice.Lines.Select(l => l.Amount)).Select(m => m.Amount));
            }

            amounts.UnionWith((await services.GetRequiredService<IPaymentRepository>().ListForCustomerAsync(customer.TenantId, CancellationToken.None)).Select(p => p.Amount.Amount));
        }

        Assert.Contains(8765.43m, amounts);
        // Amounts under 100 are too short to tell apart from other numbers (times, counts, ports).
        return [.. amounts.Where(a => a >= 100m).Select(a => (a, Pattern(a)))];
    }

    /// <summary>1234.56 as 1234.56, 1234,56, 1,234.56, 1 234,56 (any space), 1.234,56 and 123456 (minor units), standing alone.</summary>
    private static Regex Pattern(decimal amount)
    {
        var whole = decimal.Truncate(amount).ToString(CultureInfo.InvariantCulture);
        var cents = (amount - decimal.Truncate(amount)).ToString("0.00", CultureInfo.InvariantCulture)[2..];
        var grouped = string.Join(@"[ ,.\u00A0\u202F]?", Groups(whole).Select(Regex.Escape));
        var minor = Regex.Escape(whole + cents);
        return new Regex($@"(?<![\w.,:/-])(?:{grouped}[.,]{cents}|{minor})(?![\w:/-]|[.,]\d)", RegexOptions.CultureInvariant);
    }

    private static IEnumerable<string> Groups(string digits)
    {
        var first = digits.Length % 3 == 0 ? 3 : digits.Length % 3;
        yield return digits[..first];
        for (var i = first; i < digits.Length; i += 3)
        {
            yield return digits.Substring(i, 3);
        }
    }

    private JsonObject Invoke(string conversationId, string verb, JsonObject data) =>
        Activities.Base("invoke", env.Channel.ServiceUrl, conversationId, null, "en-US", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" },
        });

    private JsonObject ChannelMessage(string conversationId, string text)
    {
        var message = Activities.Message(env.Channel.ServiceUrl, conversationId, text);
        message["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>BillingBot</at>", ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "BillingBot" } });
        return message;
    }

    /// <summary>Makes an activity come from a staff member in the partner's agents' channel.</summary>
    private static JsonObject Staff(JsonObject activity, string objectId)
    {
        activity["from"] = new JsonObject { ["id"] = "29:" + objectId, ["name"] = "Someone", ["aadObjectId"] = objectId };
        activity["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = PartnerStaff.PartnerTenant, ["id"] = activity["conversation"]!["id"]!.GetValue<string>() };
        activity["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = PartnerStaff.TeamId },
            ["channel"] = new JsonObject { ["id"] = PartnerStaff.ChannelId },
            ["tenant"] = new JsonObject { ["id"] = PartnerStaff.PartnerTenant },
        };
        return activity;
    }

    private static string Around(string text, string found)
    {
        var at = text.IndexOf(found, StringComparison.Ordinal);
        return at < 0 ? string.Empty : text.Substring(Math.Max(0, at - 300), Math.Min(text.Length - Math.Max(0, at - 300), 600 + found.Length));
    }

    private static string AccountKey(string connectionString) =>
        connectionString.Split(';').Select(p => p.Split('=', 2)).Single(p => p[0] == "AccountKey")[1];
}
