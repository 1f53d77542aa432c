using System.Text.Json;
using System.Text.Json.Nodes;
using BillingBot.App.Commands;
using BillingBot.App.Commands.Seed;
using BillingBot.App.Tests.Hosting;
using BillingBot.Billing.Collections;
using BillingBot.Billing.Customers;
using BillingBot.Billing.Invoices;
using BillingBot.Protocol.Cards;
using BillingBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BillingBot.App.Tests.Conversations;

/// <summary>
/// The app on the seeded demo data, at a fixed morning (25 November 2026, Warsaw), talked to over HTTP as Teams does:
/// a message goes in, and what the fake channel received is what the customer sees.
/// </summary>
public sealed class SeededConversation : IChatHost, IAsyncLifetime
{
    /// <summary>The partner's own tenant and one of its billing admins (the agents' channel is not installed here).</summary>
    public const string PartnerTenant = PartnerStaff.PartnerTenant;
    public const string BillingAdmin = PartnerStaff.AdminObjectId;

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private readonly BotEnvironment _env;
    private HttpClient _http = null!;

    public SeededConversation()
        : this(new BotEnvironment())
    {
    }

    private SeededConversation(BotEnvironment env)
    {
        _env = env;
        Host = new BotHost(_env.Azurite, settings: PartnerStaff.Settings(), services: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    /// <summary>The same on Azurite that keeps its tables on disk: storage stopped and started again comes back with them.</summary>
    public static SeededConversation OnDisk() => new(BotEnvironment.OnDisk());

    public FakeTimeProvider Time { get; } = new(Now);

    public BotHost Host { get; }

    public BotEnvironment Env => _env;

    public IInvoiceRepository Invoices => Host.Services.GetRequiredService<IInvoiceRepository>();

    public ICustomerRepository Customers => Host.Services.GetRequiredService<ICustomerRepository>();

    public CollectionPolicy Policy => Host.Services.GetRequiredService<CollectionPolicy>();

    public async Task InitializeAsync()
    {
        await _env.InitializeAsync();
        _http = Host.CreateHttpClient();
        var seed = ActivatorUtilities.CreateInstance<SeedCommand>(Host.Services);
        using var output = new StringWriter();
        Assert.Equal(0, await seed.RunAsync([], new CommandConsole(output, output), CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
        await _env.DisposeAsync();
    }

    /// <summary>A new personal chat of a user of a tenant.</summary>
    public Chat NewChat(string tenantId, string userObjectId, string locale = "en-US") => new(this, tenantId, userObjectId, locale);

    /// <summary>Posts an activity and returns the HTTP response body (an invoke's answer).</summary>
    public async Task<JsonNode?> PostForBodyAsync(JsonObject activity)
    {
        using var response = await Host.PostActivityAsync(_http, activity);
        Assert.True(response.IsSuccessStatusCode, $"The bot answered {(int)response.StatusCode}.");
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? null : JsonNode.Parse(body);
    }

    public async Task PostAsync(JsonObject activity)
    {
        using var response = await Host.PostActivityAsync(_http, activity);
        Assert.True(response.IsSuccessStatusCode, $"The bot answered {(int)response.StatusCode}.");
    }

    /// <summary>Everything a person reads in an activity: its text, a hero card's text and buttons, every string of an Adaptive Card.</summary>
    public static string Visible(Activity activity)
    {
        var parts = new List<string>();
        if (activity.Text is { } text)
        {
            parts.Add(text);
        }

        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.Content is JsonElement content)
            {
                Collect(content, parts);
            }
        }

        return string.Join("\n", parts);
    }

    /// <summary>The Adaptive Card of a reply, or null.</summary>
    public static AdaptiveCard? CardOf(Activity activity) =>
        activity.Attachments?.Select(AdaptiveCardSerializer.GetCard).FirstOrDefault(c => c is not null);

    private static void Collect(JsonElement e, List<string> parts)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                parts.Add(e.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    Collect(item, parts);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in e.EnumerateObject())
                {
                    Collect(property.Value, parts);
                }

                break;
        }
    }
}
