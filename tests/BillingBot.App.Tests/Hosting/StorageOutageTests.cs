using System.Net;
using BillingBot.Protocol.State;
using BillingBot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Hosting;

/// <summary>When Table Storage is down the user gets a clear message and /healthz says unhealthy; both recover with it.</summary>
public sealed class StorageOutageTests : BotHostTestBase
{

    public StorageOutageTests(BotEnvironment env)
        : base(env, new BotHost(env.Azurite, services: services =>
        {
            // Help needs no data; "remember" stands for any turn that must read conversation state.
            services.Remove(services.Single(d => d.ServiceType == typeof(IBot)));
            services.AddSingleton<BillingBot.App.Bot.BillingActivityHandler>();
            services.AddSingleton<IBot>(sp => new RememberingBot(sp.GetRequiredService<ConversationState>(), sp.GetRequiredService<BillingBot.App.Bot.BillingActivityHandler>()));
        }))
    {
    }

    [Fact]
    public async Task Storage_down_gives_a_clear_message_and_an_unhealthy_health_check_until_it_is_back()
    {
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/healthz")).StatusCode);
        var conversation = Activities.NewConversationId();

        await Env.Azurite.StopAsync();
        using var during = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, conversation, "remember", "pl-PL"));
        using var helpDuring = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, conversation, "help"));
        var health = await Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.StartsWith("Przepraszam, nie mam teraz dostępu do danych rozliczeniowych", Env.TextsSentTo(conversation)[0], StringComparison.Ordinal);
        // Every answer needs the billing records, so even "help" says plainly that they are out of reach.
        Assert.StartsWith("Sorry, I can't reach the billing records", Env.TextsSentTo(conversation)[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());

        await Env.Azurite.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/healthz")).StatusCode);
        using var after = await Host.PostActivityAsync(Http, Activities.Message(Env.Channel.ServiceUrl, conversation, "remember"));
        Assert.Equal("remembered 1", Env.TextsSentTo(conversation)[^1]);
    }

    [Fact]
    public async Task An_install_while_storage_is_down_still_greets_the_user()
    {
        var conversation = Activities.NewConversationId();
        await Env.Azurite.StopAsync();
        try
        {
            using var response = await Host.PostActivityAsync(Http, Activities.InstallationUpdate(Env.Channel.ServiceUrl, conversation, "add", "en-US"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("Hello, Anna Kowalska!", Assert.Single(Env.TextsSentTo(conversation)), StringComparison.Ordinal);
        }
        finally
        {
            await Env.Azurite.StartAsync();
        }
    }

    private sealed class RememberingBot(ConversationState state, IBot inner) : IBot
    {
        private readonly IStatePropertyAccessor<int> _count = state.CreateProperty<int>("count");

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            if (turnContext.Activity.Text != "remember")
            {
                await inner.OnTurnAsync(turnContext, cancellationToken);
                return;
            }

            var count = await _count.GetAsync(turnContext, () => 0, cancellationToken) + 1;
            await _count.SetAsync(turnContext, count, cancellationToken);
            await turnContext.SendActivityAsync($"remembered {count}", cancellationToken);
        }
    }
}
