using System.Globalization;
using System.Net;
using System.Text.Json;
using BillingBot.App.Commands.Seed;
using BillingBot.App.Resources;
using BillingBot.App.Tests.Conversations;
using BillingBot.Protocol.Schema;

namespace BillingBot.App.Tests.Faults;

/// <summary>
/// Table Storage stops in the middle of a conversation and comes back with its data (Azurite on disk, stopped and
/// started on the same port). The customer is told plainly while it is down, /healthz says Unhealthy, and afterwards
/// the dialog goes on from where it was: no message of theirs goes unanswered and no answer comes twice.
/// </summary>
public sealed class StorageRestartConversationTests(DiskSeededConversation fixture) : IClassFixture<DiskSeededConversation>
{
    private const string Fabrikam = DemoData.PlaygroundTenantId;
    private const string Alex = DemoData.PlaygroundUserObjectId;
    private const string Polish = "pl-PL";

    private static readonly TextCatalog PolishTexts = BillingTexts.For(CultureInfo.GetCultureInfo(Polish));

    private SeededConversation App => fixture.App;

    [Fact]
    public async Task A_dialog_whose_turn_fails_while_storage_is_down_continues_where_it_was_once_storage_is_back()
    {
        using var http = App.Host.CreateHttpClient();
        var chat = App.NewChat(Fabrikam, Alex, Polish);
        var offer = Assert.Single(await chat.SayAsync("jaki jest status mojej faktury?"));
        var number = FirstChoice(offer);

        await App.Env.Azurite.StopAsync();
        IReadOnlyList<Activity> during;
        HttpResponseMessage health;
        try
        {
            during = await chat.SayAsync(number);
            health = await http.GetAsync("/healthz");
        }
        finally
        {
            await App.Env.Azurite.StartAsync();
        }

        var apology = Assert.Single(during);
        Assert.StartsWith(Apologies.StorageUnavailable(Polish), apology.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (health.StatusCode, await health.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);

        // The customer clicks the same button again: the question the bot asked before the outage is still open.
        var answer = Assert.Single(await chat.SayAsync(number));

        Assert.NotNull(SeededConversation.CardOf(answer));
        Assert.Contains(number, SeededConversation.Visible(answer), StringComparison.Ordinal);
        // What the customer saw, in order: the question, the apology, the invoice. Nothing twice, nothing missing.
        Assert.Equal([offer.Id, apology.Id, answer.Id], App.Env.ActivitiesSentTo(chat.ConversationId).Select(a => a.Id));
    }

    [Fact]
    public async Task Storage_lost_after_the_answer_went_out_but_before_the_turn_was_saved_neither_repeats_the_answer_nor_traps_the_dialog()
    {
        var chat = App.NewChat(Fabrikam, Alex, Polish);
        var offer = Assert.Single(await chat.SayAsync("jaki jest status mojej faktury?"));
        var number = FirstChoice(offer);
        var held = App.Env.Channel.Hold(r => r.ConversationId == chat.ConversationId && r.Method == "POST");

        // The invoice card is on its way to Teams when storage goes; the turn's state is saved only after it.
        var turn = chat.SayAsync(number);
        await held.Arrived;
        await App.Env.Azurite.StopAsync();
        held.Release();
        IReadOnlyList<Activity> interrupted;
        try
        {
            interrupted = await turn;
        }
        finally
        {
            await App.Env.Azurite.StartAsync();
        }

        Assert.Equal(2, interrupted.Count);
        Assert.Contains(number, SeededConversation.Visible(interrupted[0]), StringComparison.Ordinal);
        Assert.StartsWith(Apologies.StorageUnavailable(Polish), interrupted[1].Text, StringComparison.Ordinal);

        // The unsaved turn left the question "which invoice?" open; the next question is taken as a new one.
        var next = await chat.SayAsync("ile jestem winien?");

        Assert.Equal(2, next.Count);
        Assert.Contains(PolishTexts.Format("Card_AccountTitle", "Contoso Cloud"), SeededConversation.Visible(next[1]), StringComparison.Ordinal);
        // In all: the question once, the invoice once, the apology, the balance and its card.
        Assert.Single(App.Env.ActivitiesSentTo(chat.ConversationId), HasHero);
        Assert.Single(App.Env.ActivitiesSentTo(chat.ConversationId), a => SeededConversation.Visible(a).Contains(PolishTexts.Format("Card_Invoice", number), StringComparison.Ordinal));
        Assert.Equal(5, App.Env.ActivitiesSentTo(chat.ConversationId).Count);
    }

    [Fact]
    public async Task A_question_asked_as_storage_goes_is_answered_once_the_customer_asks_again()
    {
        var chat = App.NewChat(Fabrikam, Alex, Polish);
        var held = App.Env.Channel.Hold(r => r.ConversationId == chat.ConversationId && r.Method == "POST");

        // The bot asks "which invoice?" and storage goes before the question is saved.
        var turn = chat.SayAsync("jaki jest status mojej faktury?");
        await held.Arrived;
        await App.Env.Azurite.StopAsync();
        held.Release();
        IReadOnlyList<Activity> interrupted;
        try
        {
            interrupted = await turn;
        }
        finally
        {
            await App.Env.Azurite.StartAsync();
        }

        Assert.Equal(2, interrupted.Count);
        var number = FirstChoice(interrupted[0]);
        Assert.StartsWith(Apologies.StorageUnavailable(Polish), interrupted[1].Text, StringComparison.Ordinal);

        // The customer clicks the button they were shown; the bot no longer knows it asked, and still shows that invoice.
        var answer = await chat.SayAsync(number);

        var shown = Assert.Single(answer);
        Assert.NotNull(SeededConversation.CardOf(shown));
        Assert.Contains(number, SeededConversation.Visible(shown), StringComparison.Ordinal);
    }

    private static bool HasHero(Activity activity) => activity.Attachments?.Any(a => a.ContentType == Attachment.HeroCardContentType) == true;

    private static string FirstChoice(Activity offer)
    {
        var attachment = Assert.Single(offer.Attachments!);
        Assert.Equal(Attachment.HeroCardContentType, attachment.ContentType);
        var hero = ((JsonElement)attachment.Content!).Deserialize<HeroCard>(ProtocolJson.Options)!;
        return hero.Buttons![0].Value!.ToString()!;
    }
}
