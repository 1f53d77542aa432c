using BillingBot.Protocol.Cards;
using BillingBot.TestKit.Cards;

namespace BillingBot.Protocol.Tests.Cards;

/// <summary>The TestKit's two card checks: each accepts a good card and names the problems it can see in a bad one.</summary>
public class CardChecksTests(AdaptiveCardChecks checks) : IClassFixture<AdaptiveCardChecks>
{
    private const string AllElements =
        "ActionSet, ColumnSet, Container, FactSet, Image, ImageSet, Input.ChoiceSet, Input.Date, Input.Number, "
        + "Input.Text, Input.Time, Input.Toggle, Media, RichTextBlock, Table, TextBlock";

    /// <summary>A broken card, what the schema says about it (null: it accepts it) and the renderer's event (null: it accepts it).</summary>
    public static TheoryData<string, string, string?, string?> BrokenCards => new()
    {
        {
            "an unknown element type",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"InvoiceBlock","text":"FV/2026/11/042"}]}""",
            $"/body/0 (InvoiceBlock): \"InvoiceBlock\" is not allowed here; expected one of: {AllElements}",
            "UnknownElementType"
        },
        {
            "a size that is not in the schema",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Do zapłaty","size":"huge"}]}""",
            "/body/0/size (TextBlock): \"huge\" is not one of: default, small, medium, large, extraLarge",
            "InvalidPropertyValue"
        },
        {
            "an action style that is not in the schema",
            """{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.Submit","title":"Usuń","style":"danger"}]}""",
            "/actions/0/style (Action.Submit): \"danger\" is not one of: default, positive, destructive",
            "InvalidPropertyValue"
        },
        {
            "a TextBlock without text",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","wrap":true}]}""",
            "/body/0 (TextBlock): Required properties [\"text\"] are not present",
            null
        },
        {
            "an Action.Submit in the body, where only elements go",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Action.Submit","title":"Zapłać"}]}""",
            $"/body/0 (Action.Submit): \"Action.Submit\" is not allowed here; expected one of: {AllElements}",
            "UnknownElementType"
        },
        {
            "an Action.ShowCard as a container's selectAction",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Container","items":[{"type":"TextBlock","text":"x"}],"selectAction":{"type":"Action.ShowCard","card":{"type":"AdaptiveCard","body":[]}}}]}""",
            "/body/0/selectAction (Action.ShowCard): \"Action.ShowCard\" is not allowed here; expected one of: Action.Execute, Action.OpenUrl, Action.Submit, Action.ToggleVisibility",
            "ActionTypeNotAllowed"
        },
        {
            "a TextBlock in the card's actions",
            """{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"TextBlock","text":"x"}]}""",
            "/actions/0 (TextBlock): \"TextBlock\" is not allowed here; expected one of: Action.Execute, Action.OpenUrl, Action.ShowCard, Action.Submit, Action.ToggleVisibility",
            "UnknownActionType"
        },
        {
            "a property the element does not have",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","colour":"good"}]}""",
            "/body/0/colour (TextBlock): \"colour\" is not a property of TextBlock",
            null
        },
        {
            "a TextRun without text deep inside",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Container","items":[{"type":"RichTextBlock","inlines":[{"type":"TextRun","italic":true}]}]}]}""",
            "/body/0/items/0/inlines/0 (TextRun): Required properties [\"text\"] are not present",
            null
        },
        {
            "a version the renderer does not know",
            """{"type":"AdaptiveCard","version":"2.0","body":[{"type":"TextBlock","text":"x"}]}""",
            null,
            "UnsupportedCardVersion"
        },
        {
            "a version newer than Teams renders",
            """{"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock","text":"x"}]}""",
            null,
            "UnsupportedCardVersion"
        },
        {
            "a column width the renderer cannot read",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"ColumnSet","columns":[{"type":"Column","width":"wide","items":[]}]}]}""",
            null,
            "InvalidPropertyValue"
        },
        {
            "a language that is not an ISO 639 code",
            """{"type":"AdaptiveCard","version":"1.5","lang":"polski","body":[{"type":"TextBlock","text":"x"}]}""",
            null,
            "InvalidPropertyValue"
        },
        {
            "two inputs with one id",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"note","label":"a"},{"type":"Input.Text","id":"note","label":"b"}]}""",
            null,
            "DuplicateId"
        },
        {
            "a required input without a label",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"email","isRequired":true,"errorMessage":"Podaj e-mail"}]}""",
            null,
            "RequiredInputsShouldHaveLabel"
        },
    };

    [Fact]
    public async Task Given_a_card_using_every_element_and_action_When_checked_Then_both_the_schema_and_the_renderer_accept_it()
    {
        await checks.AssertValidAsync(KitchenSinkCard.Create());
    }

    [Theory]
    [MemberData(nameof(BrokenCards))]
    public async Task Given_a_broken_card_When_checked_Then_each_check_that_can_see_the_problem_names_it_and_nothing_else(
        string brokenBy, string json, string? schemaError, string? rendererEvent)
    {
        var schemaErrors = checks.Schema.Validate(json);
        var rendererProblems = await checks.Renderer.CheckAsync(json);

        Assert.True(schemaError is null ? schemaErrors.Count == 0 : schemaErrors.SequenceEqual([schemaError]),
            $"{brokenBy}: schema said [{string.Join(" | ", schemaErrors)}]");
        Assert.True(rendererEvent is null ? rendererProblems.Count == 0 : rendererProblems.Select(p => p.Event).SequenceEqual([rendererEvent]),
            $"{brokenBy}: renderer said [{string.Join(" | ", rendererProblems)}]");
    }

    [Fact]
    public async Task Given_a_card_from_the_model_with_a_TextBlock_whose_text_is_null_When_checked_Then_the_schema_fails_it()
    {
        var card = new AdaptiveCard { Body = [new AdaptiveTextBlock { Text = null! }] };

        var problems = await checks.ProblemsAsync(card);

        Assert.Equal(["schema: /body/0 (TextBlock): Required properties [\"text\"] are not present"], problems);
    }

    [Fact]
    public async Task Given_a_card_from_the_model_with_seven_buttons_When_checked_Then_the_renderer_fails_it_as_Teams_shows_six()
    {
        var card = new AdaptiveCard
        {
            Body = [new AdaptiveTextBlock { Text = "Wybierz fakturę" }],
            Actions = [.. Enumerable.Range(1, 7).Select(i => new AdaptiveSubmitAction { Title = $"FV/2026/11/{i:000}", Data = new { invoice = i } })],
        };

        var problems = await checks.ProblemsAsync(card);

        Assert.Equal(["renderer: AdaptiveCard: TooManyActions: Maximum number of actions exceeded (6)."], problems);
    }

    [Fact]
    public async Task Given_a_failing_card_When_asserted_Then_the_failure_lists_every_problem_of_both_checks()
    {
        const string json = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","size":"huge"}]}""";

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => checks.AssertValidAsync(json));

        Assert.Contains("2 problem(s)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("schema: /body/0/size (TextBlock)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("renderer: AdaptiveCard > TextBlock: InvalidPropertyValue", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_many_cards_in_one_batch_When_the_renderer_checks_them_Then_each_answer_belongs_to_its_card()
    {
        string[] cards =
        [
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"pierwsza"}]}""",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Chart"}]}""",
            "this is not JSON",
            """{"type":"AdaptiveCard","version":"2.0"}""",
            AdaptiveCardSerializer.Serialize(KitchenSinkCard.Create()),
        ];

        var results = await checks.Renderer.CheckAllAsync(cards);

        Assert.Equal(
            [[], ["UnknownElementType"], ["InvalidJson"], ["UnsupportedCardVersion"], []],
            results.Select(problems => problems.Select(p => p.Event).ToArray()).ToArray());
    }

    [Fact]
    public async Task Given_cards_in_Polish_checked_one_after_another_When_the_renderer_checks_them_Then_each_is_judged_on_its_own()
    {
        // adaptivecards 3.0.6 keeps regex state between cards; check-cards.cjs must not let it leak.
        var polish = AdaptiveCardSerializer.Serialize(new AdaptiveCard { Lang = "pl", Body = [new AdaptiveTextBlock { Text = "Faktura opłacona" }] });

        var results = await checks.Renderer.CheckAllAsync([polish, polish, polish]);

        Assert.All(results, Assert.Empty);
    }

    [Fact]
    public void Given_text_that_is_not_JSON_When_the_schema_checks_it_Then_it_says_so_instead_of_throwing()
    {
        var errors = checks.Schema.Validate("{\"type\":\"AdaptiveCard\",");

        Assert.Single(errors);
        Assert.StartsWith("/: not JSON:", errors[0], StringComparison.Ordinal);
    }
}
