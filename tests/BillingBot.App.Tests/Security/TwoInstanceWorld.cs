using System.Text.Json.Nodes;
using BillingBot.App.Commands;
using BillingBot.App.Commands.Seed;
using BillingBot.App.Tests.Conversations;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.App.Tests.Security;

/// <summary>
/// Two instances of the app over the same tables on Azurite (the demo data, at the seeded conversations' morning),
/// with the partner's staff and agents' channel, talked to over HTTP by many people at once.
/// </summary>
public sealed class TwoInstanceWorld : IAsyncLifetime
{
    private readonly HttpClient[] _http = new HttpClient[2];

    public BotEnvironment Env { get; } = new();

    public FakeTimeProvider Time { get; } = new(SeededConversation.Now);

    public BotHost A { get; private set; } = null!;

    public BotHost B { get; private set; } = null!;

    public IReadOnlyList<Customer> Customers { get; private set; } = [];

    /// <summary>Every customer's invoices, by tenant.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Invoice>> Invoices { get; private set; } = new Dictionary<string, IReadOnlyList<Invoice>>();

    public async Task InitializeAsync()
    {
        await Env.InitializeAsync();
        var settings = PartnerStaff.Settings();
        settings["Reminders:DefaultServiceUrl"] = Env.Channel.ServiceUrl.ToString();
        A = new BotHost(Env.Azurite, settings: settings, services: Clock);
        B = new BotHost(Env.Azurite, settings: new Dictionary<string, string?>(settings) { ["Storage:TablePrefix"] = A.TablePrefix }, services: Clock);
        _http[0] = A.CreateHttpClient();
        _http[1] = B.CreateHttpClient();
        var seed = ActivatorUtilities.CreateInstance<SeedCommand>(A.Services);
        using var output = new StringWriter();
        Assert.Equal(0, await seed.RunAsync([], new CommandConsole(output, output), CancellationToken.None));
        Customers = await A.Services.GetRequiredService<ICustomerRepository>().ListAsync(CancellationToken.None);
        var invoices = new Dictionary<string, IReadOnlyList<Invoice>>();
        foreach (var customer in Customers)
        {
            invoices[customer.TenantId] = await A.Services.GetRequiredService<IInvoiceRepository>().ListForCustomerAsync(customer.TenantId, CancellationToken.None);
        }

        Invoices = invoices;
    }

    public async Task DisposeAsync()
    {
        foreach (var http in _http)
        {
            http?.Dispose();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
        }

        await Env.DisposeAsync();
    }

    /// <summary>Posts an activity to instance 0 (A) or 1 (B) and returns the HTTP status and body.</summary>
    public async Task<(int Status, string Body)> PostAsync(int instance, JsonObject activity)
    {
        var host = instance == 0 ? A : B;
        using var response = await host.PostActivityAsync(_http[instance], activity);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A message from a person of a tenant in their personal chat.</summary>
    public JsonObject Message(string conversationId, string tenantId, string userObjectId, string text, string locale = "en-US") =>
        From(Activities.Message(Env.Channel.ServiceUrl, conversationId, text, locale), tenantId, userObjectId);

    /// <summary>An Action.Submit click: a message with the button's data as its value and no text.</summary>
    public JsonObject Click(string conversationId, string tenantId, string userObjectId, JsonObject data)
    {
        var activity = Message(conversationId, tenantId, userObjectId, string.Empty);
        activity.Remove("text");
        activity["value"] = data;
        return activity;
    }

    /// <summary>Everything a person read in a conversation, as text.</summary>
    public string Read(string conversationId) => string.Join("\n", Env.ActivitiesSentTo(conversationId).Select(SeededConversation.Visible));

    public static JsonObject From(JsonObject activity, string tenantId, string userObjectId)
    {
        activity["from"] = new JsonObject { ["id"] = "29:" + userObjectId, ["name"] = "Someone", ["aadObjectId"] = userObjectId };
        activity["conversation"]!["tenantId"] = tenantId;
        activity["channelData"]!["tenant"]!["id"] = tenantId;
        return activity;
    }

    private void Clock(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Time);
    }
}
