using BillingBot.App.Tests.Hosting;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Bot;

/// <summary>A user who could not be reached (blocked or removed the bot) becomes reachable again by writing to it.</summary>
public sealed class ReferenceReactivationTests(BotEnvironment env) : BotHostTestBase(env, new BotHost(env.Azurite))
{
    private IConversationReferenceStore References => Host.Services.GetRequiredService<IConversationReferenceStore>();

    [Fact]
    public async Task Writing_again_makes_an_inactive_reference_active_with_the_current_conversation()
    {
        var conversation = Activities.NewConversationId();
        var owner = "user:" + Activities.UserAadId;
        var old = new ConversationReference { Conversation = new ConversationAccount { Id = "a:old" }, ServiceUrl = Env.Channel.ServiceUrl.ToString(), ChannelId = "msteams" };
        await References.SaveAsync(new StoredConversationReference(Activities.TenantId, owner, old, false, DateTimeOffset.UnixEpoch), default);

        using var response = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, conversation, "hello"));

        var stored = await References.GetAsync(Activities.TenantId, owner, default);
        Assert.True(stored!.IsActive);
        Assert.Equal(conversation, stored.Reference.Conversation!.Id);
    }

    [Fact]
    public async Task A_user_without_a_stored_reference_gets_one_when_they_write()
    {
        var conversation = Activities.NewConversationId();
        var message = Activities.Message(Env.Channel.ServiceUrl, conversation, "hello");
        var aad = Guid.NewGuid().ToString();
        message["from"]!["aadObjectId"] = aad;

        using var response = await Host.PostActivityAsync(Http, message);

        Assert.Equal(conversation, (await References.GetAsync(Activities.TenantId, "user:" + aad, default))!.Reference.Conversation!.Id);
    }
}
