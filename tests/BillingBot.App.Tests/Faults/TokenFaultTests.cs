using System.Net;
using BillingBot.App.Tests.Hosting;
using BillingBot.App.Tests.Reminders;
using BillingBot.Protocol.Authentication;
using BillingBot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace BillingBot.App.Tests.Faults;

/// <summary>
/// The app cannot get its own token for the Bot Connector: Entra refuses or does not answer. Nothing half-sent reaches
/// Teams; the customer's message still gets 200 and the failure is logged with its correlation id (the customer sees
/// nothing, since nothing can be sent, and Teams does not deliver the message again), and their next message is
/// answered once the token comes back. A reminder is not lost: it waits for its claim to expire and then goes once.
/// </summary>
public sealed class TokenFaultTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    private static readonly DateOnly Today = ReminderWorld.Today;
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(TokenState.Refused)]
    [InlineData(TokenState.Silent)]
    public async Task A_turn_without_a_token_sends_nothing_ends_with_200_and_a_logged_failure_and_the_next_message_is_answered_once(TokenState state)
    {
        var tokens = new TokenOutage();
        await using var host = new BotHost(
            env.Azurite,
            settings: new Dictionary<string, string?> { ["Connector:AttemptTimeout"] = "00:00:01" },
            services: s => s.RemoveAll<IAccessTokenProvider>().AddSingleton<IAccessTokenProvider>(tokens));
        using var http = host.CreateHttpClient();
        var baseline = Activities.NewConversationId();
        using (await host.PostActivityAsync(http, Activities.Message(env.Channel.ServiceUrl, baseline, "pomoc", "pl-PL")))
        {
        }

        var expected = env.TextsSentTo(baseline);
        var conversation = Activities.NewConversationId();
        tokens.State = state;

        using var failed = await host.PostActivityAsync(http, Activities.Message(env.Channel.ServiceUrl, conversation, "pomoc", "pl-PL"));

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Empty(env.RequestsTo(conversation));
        var turnFailed = Assert.Single(host.Logs.Lines, l => l.EventId.Id == 3006 && l.Exception?.Contains("No token for the Bot Connector", StringComparison.Ordinal) == true);
        Assert.Equal(LogLevel.Error, turnFailed.Level);
        Assert.Contains(host.Logs.Lines, l => l.EventId.Id == 3007 && l.Scope.GetValueOrDefault("CorrelationId") is { } id && id.Equals(turnFailed.Scope["CorrelationId"]));

        tokens.State = TokenState.Issued;
        using var again = await host.PostActivityAsync(http, Activities.Message(env.Channel.ServiceUrl, conversation, "pomoc", "pl-PL"));

        Assert.Equal(expected, env.TextsSentTo(conversation));
    }

    [Theory]
    [InlineData(TokenState.Refused)]
    [InlineData(TokenState.Silent)]
    public async Task A_reminder_without_a_token_sends_nothing_and_goes_once_after_its_claim_expires(TokenState state)
    {
        await using var world = await new ReminderWorld(env).InitializeAsync();
        var customer = await world.AddCustomerAsync(connect: false);
        var t = customer.TenantId;
        var annaChat = await world.ConnectAsync(t, customer.Anna);
        var piotrChat = await world.ConnectAsync(t, customer.Piotr);
        await world.AddInvoiceAsync(t, "FV/2026/11/901", Today);
        var tokens = new TokenOutage { State = state };
        var instance = world.StartInstance("one", services: s => s.RemoveAll<IAccessTokenProvider>().AddSingleton<IAccessTokenProvider>(tokens));

        var sweep = instance.SweepAsync(world.Time.GetUtcNow());
        if (state == TokenState.Silent)
        {
            // Each send waits for its token until the attempt's time limit, on the world's clock.
            for (var request = 1; request <= 2; request++)
            {
                await tokens.WaitForRequestsAsync(request);
                world.Time.Advance(AttemptTimeout);
            }
        }

        var without = await sweep;
        tokens.State = TokenState.Issued;
        world.Time.Advance(ClaimTimeout);
        var with = await instance.SweepAsync(world.Time.GetUtcNow());

        Assert.Equal((0, 2), (without.Sent, without.Failed));
        Assert.Equal((2, 2), (with.TakenOver, with.Sent));
        Assert.Equal([$"{t}|FV/2026/11/901|due|{customer.Anna}"], world.TextsIn(annaChat));
        Assert.Equal([$"{t}|FV/2026/11/901|due|{customer.Piotr}"], world.TextsIn(piotrChat));
        // Nothing reached Teams without a token: one request per chat, the one that was accepted.
        Assert.Single(world.RequestsTo(annaChat));
        Assert.Single(world.RequestsTo(piotrChat));
    }
}
