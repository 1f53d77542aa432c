using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Connector;
using BillingBot.Protocol.Schema;
using BillingBot.TestKit.Channel;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Xunit.Abstractions;

namespace BillingBot.Protocol.Tests.Connector;

/// <summary>
/// A reminder sweep as the scheduler makes it: every reminder sent at once, through the real connector client, to the billing
/// contacts' conversations (one contact in ten has none yet, so the sweep creates it first), at a fake Teams channel that answers
/// 429 to anything beyond Teams' limits. Client and channel get the same per-tenant ceiling, so "no 429" means the client keeps
/// the limits by construction. Real time throughout: the channel measures what arrives; the test asserts counts, not durations.
/// </summary>
/// <remarks>
/// Alone in its collection: the channel stamps a request when it gets to handle it, and a machine busy with other tests would
/// delay that and bunch the requests up, which is jitter this machine adds, not Teams.
/// </remarks>
[Collection(nameof(ReminderSweepTests))]
[CollectionDefinition(nameof(ReminderSweepTests), DisableParallelization = true)]
public sealed class ReminderSweepTests(ITestOutputHelper output)
{
    /// <summary>A few contacts get many reminders at once (several invoices due), so the per-conversation limits are reached.</summary>
    private const int BusyConversations = 5;
    private const int RemindersPerBusyConversation = 12;
    private const int NewConversationEvery = 10;

    // At Teams' 30 a second this takes a minute (below); a raised ceiling, the same on both sides, proves the same in seconds.
    // It stays below what this machine can serve, so that the channel sees requests when they are sent.
    [Fact]
    public Task Five_thousand_reminders_to_two_thousand_contacts_arrive_once_each_without_a_single_429() =>
        SweepAsync(reminders: 5000, conversations: 2000, tenants: 4, tenantPerSecond: 100, TimeSpan.FromMinutes(2));

    [Fact]
    public Task At_Teams_default_tenant_ceiling_a_small_sweep_arrives_once_each_without_a_429() =>
        SweepAsync(reminders: 150, conversations: 60, tenants: 3, tenantPerSecond: TeamsRateLimits.DefaultTenantRequestsPerSecond, TimeSpan.FromMinutes(1));

    [SlowFact]
    public Task At_Teams_default_tenant_ceiling_five_thousand_reminders_arrive_once_each_without_a_429() =>
        SweepAsync(reminders: 5000, conversations: 2000, tenants: 4, tenantPerSecond: TeamsRateLimits.DefaultTenantRequestsPerSecond, TimeSpan.FromMinutes(10));

    private static Activity Reminder(int number, string conversationId, string tenantId)
    {
        var message = ActivityExtensions.CreateMessage(Text(number));
        message.Conversation = new ConversationAccount { Id = conversationId, TenantId = tenantId, ConversationType = "personal" };
        message.ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } };
        return message;
    }

    private static string Text(int number) => string.Create(CultureInfo.InvariantCulture, $"Przypomnienie {number}");

    // The busy conversations first, then the rest dealt round-robin: two or three reminders each.
    private static List<int>[] Deal(int reminders, int conversations)
    {
        var dealt = Enumerable.Range(0, conversations).Select(_ => new List<int>()).ToArray();
        var busy = Math.Min(BusyConversations, conversations / 10);
        var number = 0;
        for (var c = 0; c < busy; c++)
        {
            for (var i = 0; i < RemindersPerBusyConversation; i++)
            {
                dealt[c].Add(number++);
            }
        }

        for (var c = busy; number < reminders; c = c + 1 < conversations ? c + 1 : busy)
        {
            dealt[c].Add(number++);
        }

        return dealt;
    }

    private async Task SweepAsync(int reminders, int conversations, int tenants, int tenantPerSecond, TimeSpan guard)
    {
        using var timeout = new CancellationTokenSource(guard);
        await using var channel = new FakeTeamsChannel { RateLimits = new ChannelRateLimits(tenantPerSecond) };
        await channel.StartAsync(timeout.Token);
        await using var services = Services(channel, tenantPerSecond);
        var client = services.GetRequiredService<IConnectorClient>();
        var serviceUrl = channel.ServiceUrl.ToString();
        var dealt = Deal(reminders, conversations);

        // The first calls pay for JIT on both sides, which Teams does not: without this, they arrive late, and bunch up
        // with the calls booked a window after them. The warm-up tenant is not one of the sweep's.
        await client.SendToConversationAsync(serviceUrl, "a:1warm-up", Reminder(-1, "a:1warm-up", "tenant-warm-up"), timeout.Token);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(dealt.Select(async (numbers, contact) =>
        {
            var tenantId = $"tenant-{contact % tenants}";
            var memberId = $"29:contact-{contact}";
            var conversationId = contact % NewConversationEvery == NewConversationEvery - 1
                ? (await client.CreateConversationAsync(serviceUrl, new ConversationParameters { Members = [new ChannelAccount(memberId)], TenantId = tenantId }, timeout.Token)).Id!
                : FakeTeamsChannel.PersonalConversationId(tenantId, memberId);
            await Task.WhenAll(numbers.Select(n => client.SendToConversationAsync(serviceUrl, conversationId, Reminder(n, conversationId, tenantId), timeout.Token)));
        }));
        clock.Stop();

        var statistics = channel.RateStatistics;
        var delivered = channel.SentActivities.Select(a => (string)a["text"]!).Where(text => text != Text(-1)).ToList();
        Report(reminders, conversations, tenants, tenantPerSecond, clock.Elapsed, statistics);

        Assert.Equal(0, statistics.Throttled);
        Assert.Equal(reminders, delivered.Count);
        Assert.Equal(Enumerable.Range(0, reminders).Select(Text).Order(StringComparer.Ordinal), delivered.Order(StringComparer.Ordinal));
        Assert.Equal(1 + reminders + (conversations / NewConversationEvery), statistics.Writes);
        Assert.InRange(statistics.PeakPerConversationPerSecond, 1, 7);
        Assert.InRange(statistics.PeakPerConversationPerTwoSeconds, 1, 8);
        Assert.InRange(statistics.PeakPerConversationPer30Seconds, 1, 60);
        Assert.Equal(tenants + 1, statistics.PeakPerTenantPerSecond.Count);
        Assert.All(statistics.PeakPerTenantPerSecond.Values, peak => Assert.InRange(peak, 1, tenantPerSecond));
    }

    private void Report(int reminders, int conversations, int tenants, int tenantPerSecond, TimeSpan elapsed, ChannelRateStatistics statistics)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sweep: {reminders} reminders to {conversations} conversations ({conversations / NewConversationEvery} created first) in {tenants} tenants, ceiling {tenantPerSecond}/s per tenant"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Duration {elapsed.TotalSeconds:F1} s, {statistics.Writes / elapsed.TotalSeconds:F0} writes/s, 429s {statistics.Throttled}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak per conversation: {statistics.PeakPerConversationPerSecond}/1 s, {statistics.PeakPerConversationPerTwoSeconds}/2 s, {statistics.PeakPerConversationPer30Seconds}/30 s, {statistics.PeakPerConversationPerHour}/h"));
        output.WriteLine($"Peak per tenant per second: {string.Join(", ", statistics.PeakPerTenantPerSecond.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}");
    }

    private static ServiceProvider Services(FakeTeamsChannel channel, int tenantPerSecond)
    {
        var tokens = new Mock<IAccessTokenProvider>();
        tokens.Setup(t => t.GetAccessTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("token-abc");
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(tokens.Object);
        services.AddBotConnector();
        services.Configure<ConnectorOptions>(o => o.TenantRequestsPerSecond = tenantPerSecond);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<TrustedServiceUrls>().Trust(channel.ServiceUrl.ToString());
        return provider;
    }
}
