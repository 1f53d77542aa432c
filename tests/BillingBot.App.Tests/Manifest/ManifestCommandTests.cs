using System.Globalization;
using BillingBot.App.Commands.Seed;
using BillingBot.App.Resources;
using BillingBot.App.Tests.Conversations;

namespace BillingBot.App.Tests.Manifest;

/// <summary>
/// The command menu the manifest gives Teams, picked by a customer: Teams sends the command's title as the message, in
/// the language of the user's Teams (the title from pl.json for Polish). Each gets the answer the same request in
/// words gets, so the menu promises nothing the bot does not do.
/// </summary>
public sealed class ManifestCommandTests(SeededConversation app) : IClassFixture<SeededConversation>
{
    private const string Fabrikam = DemoData.PlaygroundTenantId;        // Polish customer
    private const string Alex = DemoData.PlaygroundUserObjectId;        // its primary contact
    private const string Katarzyna = "5d2e7a10-3b4c-4d5e-8f60-718293a4b5c6"; // its billing contact
    private const string WideWorld = "4b7e1d3a-9c2f-4a8e-b6d1-5f3c9e7a2b80"; // English customer
    private const string Jonas = "2a4c6e8f-0b1d-4e3f-9a5c-7e9f1b3d5a7c";    // its primary contact
    private const string Laura = "6c8e0a2b-4d6f-4a1c-8e3b-5d7f9a1c3e5b";    // its billing contact

    [Theory]
    [InlineData(0, "what can you do?", "w czym możesz mi pomóc?")]
    [InlineData(1, "show me my invoices", "pokaż moje faktury")]
    [InlineData(2, "how much do I owe?", "ile jestem winien?")]
    [InlineData(3, "what support do you offer?", "jakie wsparcie oferujecie?")]
    public async Task A_command_picked_from_the_menu_gets_the_answer_of_the_same_request_in_words(int command, string english, string polish)
    {
        var (title, polishTitle) = Command(command);

        var answer = await app.NewChat(WideWorld, Jonas).AskAsync(title);
        var polishAnswer = await app.NewChat(Fabrikam, Alex, "pl-PL").AskAsync(polishTitle);

        Assert.Equal(await app.NewChat(WideWorld, Jonas).AskAsync(english), answer);
        Assert.Equal(await app.NewChat(Fabrikam, Alex, "pl-PL").AskAsync(polish), polishAnswer);
        Understood(answer, "en-GB");
        Understood(polishAnswer, "pl-PL");
    }

    [Fact]
    public async Task The_agent_command_hands_the_customer_over_to_a_person_as_asking_for_one_does()
    {
        var (title, polishTitle) = Command(4);

        var answer = await app.NewChat(WideWorld, Jonas).AskAsync(title);
        var polishAnswer = await app.NewChat(Fabrikam, Alex, "pl-PL").AskAsync(polishTitle);

        Assert.Equal("agent", title);
        // Each hand-off here becomes a ticket (the seeded app has no agents' channel): the same answer but for its number.
        Assert.Equal(WithoutTicketNumber(await app.NewChat(WideWorld, Laura).AskAsync("I would like to talk to a person")), WithoutTicketNumber(answer));
        Assert.Equal(WithoutTicketNumber(await app.NewChat(Fabrikam, Katarzyna, "pl-PL").AskAsync("chcę porozmawiać z konsultantem")), WithoutTicketNumber(polishAnswer));
        Understood(answer, "en-GB");
        Understood(polishAnswer, "pl-PL");
    }

    private static string WithoutTicketNumber(string answer) =>
        System.Text.RegularExpressions.Regex.Replace(answer, @"T-\d{4}-\d{4}", "T-…", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>An answer, and not the bot's question about what was meant.</summary>
    private static void Understood(string answer, string culture)
    {
        Assert.False(string.IsNullOrWhiteSpace(answer));
        Assert.DoesNotContain(BillingTexts.For(CultureInfo.GetCultureInfo(culture))["Clarify"], answer, StringComparison.Ordinal);
    }

    /// <summary>The personal command list's command at an index: its English title and its title in pl.json.</summary>
    private static (string Title, string Polish) Command(int index)
    {
        var manifest = SampleTeamsApp.Template("manifest.json");
        var polish = SampleTeamsApp.Template("pl.json");
        var title = (string)manifest["bots"]![0]!["commandLists"]![0]!["commands"]![index]!["title"]!;
        return (title, (string)polish[$"bots[0].commandLists[0].commands[{index}].title"]!);
    }
}
