using System.Net;
using System.Text.Json;
using BillingBot.Protocol.Schema;
using System.Text.Json.Nodes;
using BillingBot.App.Tests.Hosting;
using BillingBot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;

namespace BillingBot.App.Tests.Bot;

/// <summary>Install, welcome, help and uninstall, as a customer sees them in Teams.</summary>
public sealed class FirstConversationTests : BotHostTestBase
{

    public FirstConversationTests(BotEnvironment env)
        : base(env, new BotHost(env.Azurite))
    {
    }

    private IConversationReferenceStore References => Host.Services.GetRequiredService<IConversationReferenceStore>();

    [Fact]
    public async Task Installing_the_app_stores_the_reference_and_greets_the_user_once_in_Polish()
    {
        var conversation = Activities.NewConversationId();
        var user = UniqueUser(out var aad);

        await PostAsync(WithUser(Activities.InstallationUpdate(Env.Channel.ServiceUrl, conversation, "add", "pl-PL"), user, aad));
        await PostAsync(WithUser(Activities.BotAdded(Env.Channel.ServiceUrl, conversation, "pl-PL"), user, aad));

        var greeting = Assert.Single(Env.TextsSentTo(conversation));
        Assert.StartsWith("Dzień dobry, Anna Kowalska!", greeting, StringComparison.Ordinal);
        Assert.Contains("asystent rozliczeń", greeting, StringComparison.Ordinal);
        var stored = await References.GetAsync(Activities.TenantId, "user:" + aad, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(conversation, stored.Reference.Conversation!.Id);
        Assert.Equal(Env.Channel.ServiceUrl.ToString(), stored.Reference.ServiceUrl);
        Assert.True(stored.IsActive);
    }

    [Fact]
    public async Task A_conversationUpdate_install_greets_in_English_for_a_non_Polish_locale()
    {
        var conversation = Activities.NewConversationId();
        var user = UniqueUser(out var aad);

        await PostAsync(WithUser(Activities.BotAdded(Env.Channel.ServiceUrl, conversation, "de-DE"), user, aad));

        Assert.StartsWith("Hello, Anna Kowalska! I'm BillingBot", Assert.Single(Env.TextsSentTo(conversation)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_install_events_at_once_still_greet_only_once()
    {
        var conversation = Activities.NewConversationId();
        var user = UniqueUser(out var aad);

        await Task.WhenAll(
            PostAsync(WithUser(Activities.InstallationUpdate(Env.Channel.ServiceUrl, conversation, "add", "en-US"), user, aad)),
            PostAsync(WithUser(Activities.BotAdded(Env.Channel.ServiceUrl, conversation, "en-US"), user, aad)));

        Assert.Single(Env.TextsSentTo(conversation));
    }

    [Fact]
    public async Task Uninstalling_removes_the_reference_and_a_reinstall_greets_again()
    {
        var conversation = Activities.NewConversationId();
        var user = UniqueUser(out var aad);
        await PostAsync(WithUser(Activities.InstallationUpdate(Env.Channel.ServiceUrl, conversation, "add", "en-US"), user, aad));

        await PostAsync(WithUser(Activities.InstallationUpdate(Env.Channel.ServiceUrl, conversation, "remove", "en-US"), user, aad));

        Assert.Null(await References.GetAsync(Activities.TenantId, "user:" + aad, CancellationToken.None));
        await PostAsync(WithUser(Activities.InstallationUpdate(Env.Channel.ServiceUrl, conversation, "add", "en-US"), user, aad));
        Assert.Equal(2, Env.TextsSentTo(conversation).Count);
    }

    [Fact]
    public async Task A_team_install_greets_the_channel_and_stores_the_channel_reference()
    {
        var channelId = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var activity = Activities.BotAdded(Env.Channel.ServiceUrl, channelId, "en-US");
        activity["conversation"]!["conversationType"] = "channel";
        activity["conversation"]!["isGroup"] = true;
        activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2", ["name"] = "Partner Support" };
        activity["channelData"]!["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = channelId } };

        await PostAsync(activity);

        Assert.StartsWith("Hello everyone!", Assert.Single(Env.TextsSentTo(channelId)), StringComparison.Ordinal);
        Assert.NotNull(await References.GetAsync(Activities.TenantId, "conversation:" + channelId, CancellationToken.None));
    }

    [Theory]
    [InlineData("help", "en-US", "Here is what you can ask me:")]
    [InlineData("HELP", "en-GB", "Here is what you can ask me:")]
    [InlineData("pomoc", "pl-PL", "Oto, o co możesz mnie zapytać:")]
    [InlineData("Pomoc!", "pl-PL", "Oto, o co możesz mnie zapytać:")]
    [InlineData("pomoc", "en-US", "Oto, o co możesz mnie zapytać:")]
    [InlineData("help", "pl-PL", "Here is what you can ask me:")]
    [InlineData("pomoc pls", "en-US", "Oto, o co możesz mnie zapytać:")]
    public async Task Help_lists_what_the_bot_can_do_in_the_users_language(string text, string locale, string title)
    {
        var conversation = Activities.NewConversationId();

        await PostAsync(Activities.Message(Env.Channel.ServiceUrl, conversation, text, locale));

        var reply = Assert.Single(Env.TextsSentTo(conversation));
        Assert.StartsWith(title, reply, StringComparison.Ordinal);
        Assert.Contains(title.StartsWith("Oto", StringComparison.Ordinal) ? "„Konsultant”" : "\"Agent\"", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_works_in_a_channel_after_the_mention_is_stripped()
    {
        var conversation = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2;messageid=1";
        var activity = Activities.Message(Env.Channel.ServiceUrl, conversation, "<at>BillingBot</at> help");
        activity["conversation"]!["conversationType"] = "channel";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>BillingBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "BillingBot" },
        });

        await PostAsync(activity);

        Assert.StartsWith("Here is what you can ask me:", Assert.Single(Env.TextsSentTo(conversation)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Something_the_bot_does_not_understand_gets_a_clarifying_choice_then_the_offer_of_a_person()
    {
        var conversation = Activities.NewConversationId();

        await PostAsync(Activities.Message(Env.Channel.ServiceUrl, conversation, "qwerty uiop", "pl-PL"));
        await PostAsync(Activities.Message(Env.Channel.ServiceUrl, conversation, "zxcv bnm", "pl-PL"));

        var replies = Env.ActivitiesSentTo(conversation);
        Assert.Equal(2, replies.Count);
        var clarify = Assert.Single(replies[0].Attachments!);
        Assert.Equal(Attachment.HeroCardContentType, clarify.ContentType);
        var card = ((JsonElement)clarify.Content!).Deserialize<HeroCard>(ProtocolJson.Options)!;
        Assert.StartsWith("Nie jestem pewien", card.Text, StringComparison.Ordinal);
        Assert.Equal("Żadne z tych", card.Buttons![^1].Title);
        Assert.All(card.Buttons!, b => Assert.Equal(ActionTypes.ImBack, b.Type));
        Assert.StartsWith("Przepraszam, nadal nie rozumiem. Może porozmawiasz z człowiekiem?", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("billing@contoso.example", replies[1].Text, StringComparison.Ordinal);
    }

    private static JsonObject WithUser(JsonObject activity, string userId, string aad)
    {
        activity["from"]!["id"] = userId;
        activity["from"]!["aadObjectId"] = aad;
        return activity;
    }

    private static string UniqueUser(out string aad)
    {
        aad = Guid.NewGuid().ToString();
        return "29:" + aad;
    }

    private async Task PostAsync(JsonObject activity)
    {
        using var response = await Host.PostActivityAsync(Http, activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
