using System.Text.Json.Nodes;
using BillingBot.App.Handoff;
using BillingBot.App.Tests.Hosting;
using BillingBot.App.Tests.Suspensions;
using BillingBot.Billing.Handoff;
using BillingBot.Protocol.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Handoff;

/// <summary>
/// Two app instances over the same tables and the same Teams, as App Service runs them scaled out: whichever instance
/// Teams sends an activity to, one agent takes the hand-off and the relay runs both ways.
/// </summary>
public sealed class MultiInstanceHandoffTests(SuspensionDesk desk) : IClassFixture<SuspensionDesk>, IAsyncLifetime
{
    public Task InitializeAsync() => desk.InstallInAgentsChannelAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Accepts_on_two_instances_at_once_give_the_hand_off_to_one_agent_and_the_relay_works_from_either_instance()
    {
        var customer = await desk.NewCustomerAsync("en-GB", 10);
        await desk.CustomerSaysAsync(customer, "I'd like to talk to a person");
        var handoffs = desk.Host.Services.GetRequiredService<IHandoffRequests>();
        var request = (await handoffs.FindOpenByConversationAsync(customer.PrimaryChat, CancellationToken.None))!;
        var thread = HandoffDesk.ThreadOf(request)!;
        var data = new JsonObject { ["handoff"] = request.HandoffId };

        var answers = await Task.WhenAll(
            desk.ClickAsync(HandoffVerbs.Accept, PartnerStaff.AgentObjectId, data.DeepClone().AsObject(), threadConversationId: thread),
            desk.ClickAsync(HandoffVerbs.Accept, PartnerStaff.AdminObjectId, data.DeepClone().AsObject(), threadConversationId: thread, onSecondInstance: true));

        Assert.Single(answers, a => a.Type == AdaptiveCard.ContentType);
        Assert.Single(answers, a => a.Type != AdaptiveCard.ContentType);
        var taken = (await handoffs.FindAsync(request.HandoffId, CancellationToken.None))!;
        Assert.Single(taken.History, e => e.Kind == HandoffEventKind.Accepted);
        Assert.Single(desk.Env.TextsSentTo(customer.PrimaryChat), t => t.Contains("has joined", StringComparison.Ordinal));

        try
        {
            desk.OnSecondInstance = true;
            await desk.CustomerSaysAsync(customer, "My invoice is wrong");
        }
        finally
        {
            desk.OnSecondInstance = false;
        }

        await desk.StaffSaysAsync(taken.AcceptedBy!.ObjectId, thread, "Let me check that.", name: taken.AcceptedBy.Name);

        Assert.Contains(desk.Env.TextsSentTo(thread), t => t.EndsWith("): My invoice is wrong", StringComparison.Ordinal));
        Assert.Equal($"{taken.AcceptedBy.Name}: Let me check that.", desk.Env.TextsSentTo(customer.PrimaryChat)[^1]);
        Assert.Equal(2, (await handoffs.TranscriptAsync(request.HandoffId, CancellationToken.None)).Count);
    }
}
