using BillingBot.App.Reminders;
using BillingBot.App.Tests.Hosting;
using BillingBot.App.Tests.Reminders;
using BillingBot.Billing;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Storage.References;
using BillingBot.Storage.Reminders;
using BillingBot.TestKit.Channel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.App.Tests.Faults;

/// <summary>
/// A reminder sweep runs while the person it reminds installs the app in their personal chat (found by the end-to-end
/// suite: the Agents Playground answers 500 to a create for a chat it has, or makes up another). Whichever way the
/// install's reference and the sweep's search for the person's chat interleave, the reminder goes once, into the chat
/// the person installed the app in, and no second chat is opened or stored over it.
/// </summary>
public sealed class InstallDuringSweepTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    private const string Tenant = Activities.TenantId;
    private const string Person = Activities.UserAadId;
    private const string Number = "FV/2026/11/951";
    private static readonly string Owner = ReminderConversations.OwnerOf(Person);

    [Fact]
    public async Task An_install_stored_between_the_sweeps_lookup_and_its_search_for_another_chat_is_used_and_no_chat_is_opened()
    {
        await using var app = await StartAsync(pause: true);
        var pausing = (PausingReferenceStore)app.Host.Services.GetRequiredService<IConversationReferenceStore>();

        var sweep = app.SweepAsync();
        await pausing.Missed;
        var chat = await app.InstallAsync();
        pausing.Go();
        var result = await sweep;

        Assert.Equal(1, result.Sent);
        await AssertRemindedOnceInAsync(app, chat);
    }

    [Fact]
    public async Task An_install_stored_while_the_sweep_opens_a_chat_that_the_channel_refuses_is_used_instead()
    {
        await using var app = await StartAsync(pause: false);
        var create = env.Channel.Hold(IsCreateForTenant);

        var sweep = app.SweepAsync();
        await create.Arrived;
        var chat = await app.InstallAsync();
        // The Agents Playground's answer to a create for a chat it already has.
        create.Answer(500, FakeTeamsChannel.TeamsErrorBody("InternalServerError", "Conversation already exists."));
        var result = await sweep;

        Assert.Equal((1, 0), (result.Sent, result.Failed));
        await AssertRemindedOnceInAsync(app, chat, creates: 1);
    }

    [Fact]
    public async Task An_install_stored_while_the_sweep_opens_a_chat_keeps_its_reference_and_the_reminder_goes_into_it()
    {
        await using var app = await StartAsync(pause: false);
        var create = env.Channel.Hold(IsCreateForTenant);

        var sweep = app.SweepAsync();
        await create.Arrived;
        var chat = await app.InstallAsync();
        // Teams opens (finds) the person's chat; a channel that makes up another one must not replace the installed one.
        create.Release();
        var result = await sweep;

        Assert.Equal(1, result.Sent);
        await AssertRemindedOnceInAsync(app, chat, creates: 1);
    }

    private static bool IsCreateForTenant(ReceivedRequest request) =>
        request.Path == "v3/conversations" && request.Body?["tenantId"]?.GetValue<string>() == Tenant;

    /// <summary>The person's chat got the welcome and then the reminder, once each; the ledger and the stored reference name that chat.</summary>
    private async Task AssertRemindedOnceInAsync(RacingApp app, string chat, int creates = 0)
    {
        var shown = env.ActivitiesSentTo(chat);
        Assert.Equal(2, shown.Count);
        Assert.Null(shown[0].Attachments);
        Assert.Contains(shown[1].Attachments!, a => a.ContentType == "application/vnd.microsoft.card.adaptive");
        // Nowhere else: one reminder accepted in all, and no more chats opened than the race asked for.
        Assert.Single(env.Channel.SentActivities.Skip(app.SentBefore), a => a["attachments"] is not null);
        Assert.Equal(creates, env.Channel.Requests.Skip(app.RequestsBefore).Count(IsCreateForTenant));
        var row = Assert.Single(await app.Host.Services.GetRequiredService<TableReminderLedger>().ListForTenantAsync(Tenant, CancellationToken.None));
        Assert.Equal((ReminderLedgerState.Sent, chat), (row.State, row.SentTo!.ConversationId));
        var stored = await app.Host.Services.GetRequiredService<IConversationReferenceStore>().GetAsync(Tenant, Owner, CancellationToken.None);
        Assert.Equal((chat, Activities.UserId, true), (stored!.Reference.Conversation!.Id, stored.Reference.User!.Id, stored.IsActive));
    }

    /// <summary>
    /// The app (reminders swept by hand, on a fake Tuesday morning) with a customer whose primary contact is the person
    /// who is about to install it, and an invoice due that day; no chat with them is stored yet.
    /// </summary>
    private async Task<RacingApp> StartAsync(bool pause)
    {
        var time = new FakeTimeProvider(ReminderWorld.Tuesday);
        var host = new BotHost(
            env.Azurite,
            settings: new Dictionary<string, string?> { ["Reminders:DefaultServiceUrl"] = env.Channel.ServiceUrl.ToString() },
            services: s =>
            {
                s.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(time);
                if (pause)
                {
                    s.RemoveAll<IConversationReferenceStore>().AddSingleton<IConversationReferenceStore>(sp =>
                        new PausingReferenceStore(ActivatorUtilities.CreateInstance<TableConversationReferenceStore>(sp), Owner));
                }
            });
        var http = host.CreateHttpClient();
        host.Services.GetRequiredService<TrustedServiceUrls>().Trust(env.Channel.ServiceUrl.ToString());
        await host.Services.GetRequiredService<ICustomerRepository>().UpsertAsync(
            new Customer(Tenant, "Northwind Traders Polska sp. z o.o.", "PLN", "pl-PL", "Europe/Warsaw", 14, SupportPlan.Standard,
                [new BillingContact(Person, "Anna Kowalska", "anna@northwind.example", BillingContactRole.Primary)]),
            CancellationToken.None);
        var due = ReminderWorld.Today;
        var issued = due.AddDays(-14);
        await host.Services.GetRequiredService<IInvoiceRepository>().UpsertAsync(
            new Invoice(Number, Tenant, BillingPeriod.Month(issued.Year, issued.Month), issued, due,
                new Money(1000m, "PLN"), new Money(230m, "PLN"), new Money(1230m, "PLN"), Money.Zero("PLN"), [], null, InvoiceStatus.Issued),
            CancellationToken.None);
        return new RacingApp(host, http, env, time, env.Channel.Requests.Count, env.Channel.SentActivities.Count);
    }

    private sealed class RacingApp(BotHost host, HttpClient http, BotEnvironment env, FakeTimeProvider time, int requestsBefore, int sentBefore) : IAsyncDisposable
    {
        public BotHost Host => host;

        /// <summary>What the shared channel had seen before this test's app started.</summary>
        public int RequestsBefore => requestsBefore;

        public int SentBefore => sentBefore;

        public Task<ReminderSweepResult> SweepAsync() =>
            Task.Run(() => host.Services.GetRequiredService<ReminderSweep>().SweepAsync(time.GetUtcNow(), CancellationToken.None));

        /// <summary>The person installs the app: Teams sends installationUpdate in their new personal chat. Returns the chat.</summary>
        public async Task<string> InstallAsync()
        {
            var chat = Activities.NewConversationId();
            using var response = await host.PostActivityAsync(http, Activities.InstallationUpdate(env.Channel.ServiceUrl, chat, "add"));
            response.EnsureSuccessStatusCode();
            return chat;
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await host.DisposeAsync();
        }
    }
}
