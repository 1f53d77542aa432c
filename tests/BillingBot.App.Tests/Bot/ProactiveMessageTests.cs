using BillingBot.App.Tests.Hosting;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Bot;

/// <summary>A conversation continued later from the reference stored at install reaches the user.</summary>
public sealed class ProactiveMessageTests : BotHostTestBase
{

    public ProactiveMessageTests(BotEnvironment env)
        : base(env, new BotHost(env.Azurite))
    {
    }

    [Fact]
    public async Task A_message_sent_from_the_stored_reference_arrives_in_the_users_conversation()
    {
        var conversation = Activities.NewConversationId();
        var install = Activities.InstallationUpdate(Env.Channel.ServiceUrl, conversation, "add", "en-US");
        var aad = Guid.NewGuid().ToString();
        install["from"]!["aadObjectId"] = aad;
        await Host.PostActivityAsync(Http, install);
        var stored = await Host.Services.GetRequiredService<IConversationReferenceStore>().GetAsync(Activities.TenantId, "user:" + aad, CancellationToken.None);

        await Host.Services.GetRequiredService<BotAdapter>().ContinueConversationAsync(stored!.Reference, async (turn, ct) =>
        {
            Assert.Equal(conversation, turn.Activity.Conversation!.Id);
            await turn.SendActivityAsync(ActivityExtensions.CreateMessage("Your invoice is due tomorrow."), ct);
        }, CancellationToken.None);

        var proactive = Env.RequestsTo(conversation).Last();
        Assert.Equal("Your invoice is due tomorrow.", proactive.Body!["text"]!.GetValue<string>());
        Assert.Equal(Activities.BotId, proactive.Body["from"]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.UserId, proactive.Body["recipient"]!["id"]!.GetValue<string>());
    }
}
