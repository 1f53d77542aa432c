using BillingBot.App.Tests.Hosting;
using BillingBot.Protocol.Schema;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Bot;

/// <summary>A conversation continued later from the reference stored at install reaches the user.</summary>
public sealed class ProactiveMessageTests : IClassFixture<BotEnvironment>, IAsyncLifetime
{
    private readonly BotEnvironment _env;
    private readonly BotHost _host;
    private HttpClient _http = null!;

    public ProactiveMessageTests(BotEnvironment env)
    {
        _env = env;
        _host = new BotHost(env.Azurite);
    }

    public Task InitializeAsync()
    {
        _http = _host.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_message_sent_from_the_stored_reference_arrives_in_the_users_conversation()
    {
        var conversation = Activities.NewConversationId();
        var install = Activities.InstallationUpdate(_env.Channel.ServiceUrl, conversation, "add", "en-US");
        var aad = Guid.NewGuid().ToString();
        install["from"]!["aadObjectId"] = aad;
        await _host.PostActivityAsync(_http, install);
        var stored = await _host.Services.GetRequiredService<IConversationReferenceStore>().GetAsync(Activities.TenantId, "user:" + aad, CancellationToken.None);

        await _host.Services.GetRequiredService<BotAdapter>().ContinueConversationAsync(stored!.Reference, async (turn, ct) =>
        {
            Assert.Equal(conversation, turn.Activity.Conversation!.Id);
            await turn.SendActivityAsync(ActivityExtensions.CreateMessage("Your invoice is due tomorrow."), ct);
        }, CancellationToken.None);

        var proactive = _env.RequestsTo(conversation).Last();
        Assert.Equal("Your invoice is due tomorrow.", proactive.Body!["text"]!.GetValue<string>());
        Assert.Equal(Activities.BotId, proactive.Body["from"]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.UserId, proactive.Body["recipient"]!["id"]!.GetValue<string>());
    }
}
